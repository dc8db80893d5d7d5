package io.floe.internal.dispatch;

import static java.util.Objects.requireNonNull;

import io.floe.Current;
import io.floe.DispatchInterceptor;
import io.floe.FacetNotExistException;
import io.floe.Identity;
import io.floe.IncomingRequest;
import io.floe.InterceptedRequest;
import io.floe.ObjectNotExistException;
import io.floe.Servant;
import io.floe.ServantLocator;
import io.floe.UserException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes a request from its adapter's interceptors to its servant. The lookup is Ice's
 * (ServantManager, ice-protocol.md §4.1): the active servant map; for an identity it does not
 * hold at all, the default servant of the identity's category, else of ""; then the locator of
 * the category, else the default locator ""; then FacetNotExist when the identity has other
 * facets, ObjectNotExist otherwise.
 */
public final class ServantRouter {
    private final ServantMap servants;
    private final ServantLocators locators = new ServantLocators();
    private final List<DispatchInterceptor> interceptors = new ArrayList<>(); // guarded by chainLock
    private final ReentrantLock chainLock = new ReentrantLock();
    private volatile DispatchInterceptor.Next chain; // null while there is no interceptor

    ServantRouter(ServantMap servants) {
        this.servants = servants;
    }

    /** Dispatches {@code request}; what this raises is the reply (the caller sends it). */
    public void dispatch(IncomingRequest request) throws UserException {
        DispatchInterceptor.Next head = chain;
        if (head == null) {
            dispatchToServant(request);
        } else {
            new ObservedRequest(request).run(head);
        }
    }

    private void dispatchToServant(IncomingRequest request) throws UserException {
        Current current = request.current();
        Identity id = current.id();
        Servant servant = servants.find(id, current.facet());
        if (servant == null && !servants.hasIdentity(id)) {
            servant = locators.defaultServantFor(id.category());
        }
        if (servant != null) {
            servant._dispatch(request);
            return;
        }
        ServantLocator locator = locators.locatorFor(id.category());
        if (locator != null) {
            ServantLocator.LocateResult located = locator.locate(current);
            if (located != null && located.servant() != null) {
                new ObservedRequest(request, locator, located).run(r -> located.servant()._dispatch(r));
                return;
            }
        }
        if (servants.hasIdentity(id)) {
            throw new FacetNotExistException();
        }
        throw new ObjectNotExistException();
    }

    ServantLocators locators() {
        return locators;
    }

    void addInterceptor(DispatchInterceptor interceptor) {
        requireNonNull(interceptor, "interceptor");
        chainLock.lock();
        try {
            interceptors.add(interceptor);
            rebuildChain();
        } finally {
            chainLock.unlock();
        }
    }

    boolean removeInterceptor(DispatchInterceptor interceptor) {
        chainLock.lock();
        try {
            boolean removed = interceptors.remove(interceptor);
            rebuildChain();
            return removed;
        } finally {
            chainLock.unlock();
        }
    }

    // Built once per change, so a dispatch allocates nothing to walk the chain.
    private void rebuildChain() {
        if (interceptors.isEmpty()) {
            chain = null;
            return;
        }
        DispatchInterceptor.Next next = this::dispatchToServant;
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            next = new Stage(interceptors.get(i), next);
        }
        chain = next;
    }

    private record Stage(DispatchInterceptor interceptor, DispatchInterceptor.Next next)
            implements DispatchInterceptor.Next {
        @Override
        public void proceed(InterceptedRequest request) throws UserException {
            interceptor.intercept(request, next);
        }
    }
}
