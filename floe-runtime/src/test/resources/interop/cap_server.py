# A Python Ice 3.7 servant of Cap::Graph: prints its proxy, serves until stdin closes.
import sys
import Ice

Ice.loadSlice(sys.argv[1])
import Cap  # noqa: E402


def describe(v, seen):
    if v is None:
        return 'null'
    if id(v) in seen:
        return '#%d' % seen[id(v)]
    seen[id(v)] = len(seen)
    fields = []
    for k in sorted(vars(v)):
        if k.startswith('_'):
            continue
        x = getattr(v, k)
        if x is Ice.Unset:
            continue
        fields.append('%s=%s' % (k, describe(x, seen) if x is None or isinstance(x, Ice.Value) else repr(x)))
    name = v.unknownTypeId + '?' if isinstance(v, Ice.UnknownSlicedValue) else v.ice_id()
    return '%s#%d(%s)' % (name, seen[id(v)], ', '.join(fields))


class GraphI(Cap.Graph):
    def echo(self, v, current):
        return v

    def makeLabeled(self, current):
        return Cap.Node(6, Cap.LabeledNode(5, None, 'L'))

    def makeCycle(self, current):
        r = Cap.RefNode(1, None, None, 'n')
        r.extra = Cap.Node(2, r)
        return r

    def makeCNode(self, current):
        return Cap.CNode(9)

    def describe(self, v, current):
        return describe(v, {})


with Ice.initialize(sys.argv) as communicator:
    adapter = communicator.createObjectAdapterWithEndpoints('Graph', 'tcp -h 127.0.0.1 -p 0')
    proxy = adapter.add(GraphI(), Ice.stringToIdentity('graph'))
    adapter.activate()
    print(communicator.proxyToString(proxy), flush=True)
    sys.stdin.read()
