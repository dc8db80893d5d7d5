# Python Ice 3.7 peer of Exc::Thrower.
#   exc_peer.py server Exc.ice          serves a Thrower whose fail() raises Exc::Derived (sliced),
#                                       prints "ready <proxy>", serves until stdin closes
#   exc_peer.py client Exc.ice <proxy>  calls fail() on <proxy>, prints what it raised, exits
import sys
import Ice

Ice.loadSlice(sys.argv[2])
import Exc  # noqa: E402


class ThrowerI(Exc.Thrower):
    def fail(self, current):
        a = Exc.Node(7, None)
        a.next = Exc.Node(8, a)  # a cycle through the indirection tables
        raise Exc.Derived('worse', 42, a, 'n')


def describe(e):
    if isinstance(e, Exc.Derived):
        n = e.node
        cycle = n is not None and n.next is not None and n.next.next is n
        return 'Derived msg=%r code=%d note=%r node=%d next=%d cycle=%s' % (
            e.msg, e.code, e.note, n.value, n.next.value, cycle)
    if isinstance(e, Exc.Base):
        return 'Base msg=%r' % e.msg
    return 'other %s' % e.ice_id() if isinstance(e, Ice.Exception) else 'other %r' % e


props = Ice.createProperties()
props.setProperty('Ice.Default.Timeout', '10000')
init = Ice.InitializationData()
init.properties = props
with Ice.initialize(init) as communicator:
    if sys.argv[1] == 'server':
        adapter = communicator.createObjectAdapterWithEndpoints('Thrower', 'tcp -h 127.0.0.1 -p 0')
        proxy = adapter.add(ThrowerI(), Ice.stringToIdentity('thrower'))
        adapter.activate()
        print('ready ' + communicator.proxyToString(proxy), flush=True)
        sys.stdin.read()
    else:
        thrower = Exc.ThrowerPrx.uncheckedCast(communicator.stringToProxy(sys.argv[3]))
        try:
            thrower.fail()
            print('no exception', flush=True)
        except Exception as e:
            print(describe(e), flush=True)
