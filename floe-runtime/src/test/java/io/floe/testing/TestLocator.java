package io.floe.testing;

import static io.floe.internal.locator.LocatorUserException.ADAPTER_NOT_FOUND;
import static io.floe.internal.locator.LocatorUserException.OBJECT_NOT_FOUND;

import io.floe.AsyncReply;
import io.floe.Communicator;
import io.floe.Current;
import io.floe.Identity;
import io.floe.IncomingRequest;
import io.floe.ObjectAdapter;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.Servant;
import io.floe.UserException;
import io.floe.encoding.InputStream;
import io.floe.internal.locator.LocatorUserException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A locator ({@code ::Ice::Locator} and {@code ::Ice::LocatorRegistry} of Ice/Locator.ice),
 * served by Floe in a communicator of its own on 127.0.0.1, written the way floe-slice generates
 * servants: the tests' stand-in for IceGrid, which counts requests, can hold its answers, and
 * fails registrations on demand.
 */
public final class TestLocator implements AutoCloseable {
    public static final String LOCATOR_TYPE_ID = "::Ice::Locator";
    public static final String REGISTRY_TYPE_ID = "::Ice::LocatorRegistry";

    /** One setAdapterDirectProxy or setReplicatedAdapterDirectProxy call; proxy null to unregister. */
    public record Registration(String adapterId, String replicaGroupId, ObjectPrx proxy) {}

    private final Communicator communicator;
    private final ObjectPrx locator;
    private final Map<String, ObjectPrx> adapters = new ConcurrentHashMap<>();
    private final java.util.Set<String> inactive = ConcurrentHashMap.newKeySet();
    private final Map<Identity, ObjectPrx> objects = new ConcurrentHashMap<>();
    private final Map<String, String> registrationFailures = new ConcurrentHashMap<>();
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final AtomicInteger adapterRequests = new AtomicInteger();
    private final AtomicInteger objectRequests = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Runnable> heldAnswers = new ArrayList<>();
    private boolean holding;
    private volatile boolean withRegistry = true;

    public TestLocator() {
        communicator = Communicator.initialize();
        ObjectAdapter adapter = communicator.createObjectAdapterWithEndpoints("Locator", "tcp -h 127.0.0.1 -p 0");
        ObjectPrx registry = adapter.add(new RegistryServant(), new Identity("Registry", "Test"));
        locator = adapter.add(new LocatorServant(registry), new Identity("Locator", "Test"));
        adapter.activate();
    }

    /** {@code Test/Locator -t -e 1.1:tcp -h 127.0.0.1 -p N -t 60000}. */
    public String proxyString() {
        return locator.ice_toString();
    }

    /** What {@code findAdapterById(id)} answers: a proxy with the adapter's endpoints. */
    public void setAdapter(String id, ObjectPrx proxy) {
        inactive.remove(id);
        adapters.put(id, proxy);
    }

    /** {@code findAdapterById(id)} answers null: the adapter is known but not active. */
    public void setInactiveAdapter(String id) {
        adapters.remove(id);
        inactive.add(id);
    }

    /** What {@code findObjectById(id)} answers. */
    public void setObject(Identity id, ObjectPrx proxy) {
        objects.put(id, proxy);
    }

    /** Makes {@code setAdapterDirectProxy} for {@code adapterId} fail with the user exception {@code typeId}. */
    public void failRegistrationOf(String adapterId, String typeId) {
        registrationFailures.put(adapterId, typeId);
    }

    public void acceptRegistrationOf(String adapterId) {
        registrationFailures.remove(adapterId);
    }

    /** {@code getRegistry} answers null from now on. */
    public void withoutRegistry() {
        withRegistry = false;
    }

    public List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    public int adapterRequests() {
        return adapterRequests.get();
    }

    public int objectRequests() {
        return objectRequests.get();
    }

    /** From now on, requests (but ice_ping and the like) are answered only by {@link #release}. */
    public void hold() {
        lock.lock();
        try {
            holding = true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits (bounded) until {@code count} requests are held. */
    public void awaitHeld(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (heldAnswers.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(heldAnswers.size() + " locator requests held within " + timeout
                            + " (expected: " + count + ")");
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Answers the held requests and stops holding. */
    public void release() {
        List<Runnable> answers;
        lock.lock();
        try {
            holding = false;
            answers = new ArrayList<>(heldAnswers);
            heldAnswers.clear();
        } finally {
            lock.unlock();
        }
        answers.forEach(Runnable::run);
    }

    @Override
    public void close() {
        release();
        communicator.destroy();
    }

    private void answer(Runnable answer) {
        lock.lock();
        try {
            if (holding) {
                heldAnswers.add(answer);
                changed.signalAll();
                return;
            }
        } finally {
            lock.unlock();
        }
        answer.run();
    }

    private final class LocatorServant implements Servant {
        private final ObjectPrx registry;

        LocatorServant(ObjectPrx registry) {
            this.registry = registry;
        }

        @Override
        public String ice_id(Current current) {
            return LOCATOR_TYPE_ID;
        }

        @Override
        public String[] ice_ids(Current current) {
            return new String[] {LOCATOR_TYPE_ID, "::Ice::Object"};
        }

        @Override
        public void _dispatch(IncomingRequest request) throws UserException {
            switch (request.current().operation()) {
                case "findAdapterById" -> {
                    request.checkMode(OperationMode.NONMUTATING);
                    String id = request.startReadParams().readString();
                    request.endReadParams();
                    adapterRequests.incrementAndGet();
                    AsyncReply reply = request.startAsync();
                    answer(() -> {
                        ObjectPrx found = adapters.get(id);
                        if (found == null && !inactive.contains(id)) {
                            reply.fail(new LocatorUserException(ADAPTER_NOT_FOUND));
                        } else {
                            reply.succeed(out -> out.writeProxy(found));
                        }
                    });
                }
                case "findObjectById" -> {
                    request.checkMode(OperationMode.NONMUTATING);
                    InputStream in = request.startReadParams();
                    Identity id = new Identity(in.readString(), in.readString());
                    request.endReadParams();
                    objectRequests.incrementAndGet();
                    AsyncReply reply = request.startAsync();
                    answer(() -> {
                        ObjectPrx found = objects.get(id);
                        if (found == null) {
                            reply.fail(new LocatorUserException(OBJECT_NOT_FOUND));
                        } else {
                            reply.succeed(out -> out.writeProxy(found));
                        }
                    });
                }
                case "getRegistry" -> {
                    request.checkMode(OperationMode.NONMUTATING);
                    request.readEmptyParams();
                    AsyncReply reply = request.startAsync();
                    answer(() -> reply.succeed(out -> out.writeProxy(withRegistry ? registry : null)));
                }
                default -> Servant._dispatchBuiltin(this, request);
            }
        }
    }

    private final class RegistryServant implements Servant {
        @Override
        public String ice_id(Current current) {
            return REGISTRY_TYPE_ID;
        }

        @Override
        public String[] ice_ids(Current current) {
            return new String[] {REGISTRY_TYPE_ID, "::Ice::Object"};
        }

        @Override
        public void _dispatch(IncomingRequest request) throws UserException {
            switch (request.current().operation()) {
                case "setAdapterDirectProxy" -> {
                    request.checkMode(OperationMode.IDEMPOTENT);
                    InputStream in = request.startReadParams();
                    String id = in.readString();
                    ObjectPrx proxy = in.readProxy();
                    request.endReadParams();
                    register(new Registration(id, "", proxy), request.startAsync());
                }
                case "setReplicatedAdapterDirectProxy" -> {
                    request.checkMode(OperationMode.IDEMPOTENT);
                    InputStream in = request.startReadParams();
                    String id = in.readString();
                    String group = in.readString();
                    ObjectPrx proxy = in.readProxy();
                    request.endReadParams();
                    register(new Registration(id, group, proxy), request.startAsync());
                }
                default -> Servant._dispatchBuiltin(this, request);
            }
        }

        private void register(Registration registration, AsyncReply reply) {
            answer(() -> {
                String failure = registrationFailures.get(registration.adapterId());
                if (failure == null && !registration.replicaGroupId().isEmpty()) {
                    failure = registrationFailures.get(registration.replicaGroupId());
                }
                if (failure != null) {
                    reply.fail(new LocatorUserException(failure));
                } else {
                    record(registration);
                    reply.succeed(null);
                }
            });
        }

        private void record(Registration registration) {
            registrations.add(registration);
            if (registration.proxy() == null) {
                adapters.remove(registration.adapterId());
            } else {
                adapters.put(registration.adapterId(), registration.proxy());
                if (!registration.replicaGroupId().isEmpty()) {
                    adapters.put(registration.replicaGroupId(), registration.proxy());
                }
            }
        }
    }
}
