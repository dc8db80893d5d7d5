"""What the Python peer scripts of the interop tests share: one line per check (`ok   <name>` or
`FAIL <name>: <why>`), then `N passed, M failed`; exit status 0 when nothing failed."""

_passed = 0
_failed = 0


def check(name, body):
    global _passed, _failed
    try:
        body()
        print("ok   " + name, flush=True)
        _passed += 1
    except Exception as ex:  # report and go on with the next check
        print("FAIL %s: %r" % (name, ex), flush=True)
        _failed += 1


def expect(what, expected, got):
    if expected != got:
        raise AssertionError("%s: expected %r, got %r" % (what, expected, got))


def summary():
    """Prints the last line and returns the exit status."""
    print("%d passed, %d failed" % (_passed, _failed), flush=True)
    return 0 if _failed == 0 else 1
