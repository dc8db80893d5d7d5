# Applies Ice's proxy factory methods to stringified proxies and prints what the real Ice
# reports. One line in: "proxy<TAB>op=arg<TAB>op=arg...". One line out per line in.
import sys
import Ice

c = Ice.initialize(sys.argv[1:])


def endpoints(text):
    if not text:
        return ()
    return c.stringToProxy("dummy:" + ":".join(text.split(";"))).ice_getEndpoints()


OPS = {
    "twoway": lambda p, a: p.ice_twoway(),
    "oneway": lambda p, a: p.ice_oneway(),
    "batchOneway": lambda p, a: p.ice_batchOneway(),
    "datagram": lambda p, a: p.ice_datagram(),
    "batchDatagram": lambda p, a: p.ice_batchDatagram(),
    "secure": lambda p, a: p.ice_secure(a == "1"),
    "encoding": lambda p, a: p.ice_encodingVersion(Ice.stringToEncodingVersion(a)),
    "adapterId": lambda p, a: p.ice_adapterId(a),
    "endpoints": lambda p, a: p.ice_endpoints(endpoints(a)),
    "facet": lambda p, a: p.ice_facet(a),
    "identity": lambda p, a: p.ice_identity(Ice.stringToIdentity(a)),
    "compress": lambda p, a: p.ice_compress(a == "1"),
    "connectionId": lambda p, a: p.ice_connectionId(a),
    "selection": lambda p, a: p.ice_endpointSelection(
        Ice.EndpointSelectionType.Ordered if a == "Ordered" else Ice.EndpointSelectionType.Random),
    "cached": lambda p, a: p.ice_connectionCached(a == "1"),
    "invocationTimeout": lambda p, a: p.ice_invocationTimeout(int(a)),
    "locatorCacheTimeout": lambda p, a: p.ice_locatorCacheTimeout(int(a)),
    "locator": lambda p, a: p.ice_locator(Ice.LocatorPrx.uncheckedCast(c.stringToProxy(a)) if a else None),
}


def describe(p):
    comp = p.ice_getCompress()
    return "|".join([
        c.proxyToString(p),
        p.ice_getFacet(),
        p.ice_getAdapterId(),
        p.ice_getConnectionId(),
        str(p.ice_isConnectionCached()).lower(),
        "ORDERED" if p.ice_getEndpointSelection() == Ice.EndpointSelectionType.Ordered else "RANDOM",
        str(p.ice_isSecure()).lower(),
        "-" if comp is Ice.Unset else str(comp).lower(),
        str(p.ice_getInvocationTimeout()),
        str(len(p.ice_getEndpoints())),
        str(p.ice_getLocatorCacheTimeout()),
        "-" if p.ice_getLocator() is None else c.proxyToString(p.ice_getLocator()),
    ])


for line in sys.stdin:
    parts = line.rstrip("\n").split("\t")
    try:
        p = c.stringToProxy(parts[0])
        for op in parts[1:]:
            name, _, arg = op.partition("=")
            p = OPS[name](p, arg)
        print(describe(p))
    except Exception as e:
        print("!" + type(e).__name__ + " " + str(e).replace("\n", " "))
c.destroy()
