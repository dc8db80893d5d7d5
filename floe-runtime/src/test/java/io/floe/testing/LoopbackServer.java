package io.floe.testing;

import io.floe.Communicator;
import io.floe.Identity;
import io.floe.ObjectAdapter;
import io.floe.ObjectPrx;
import io.floe.Properties;
import io.floe.Servant;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server communicator with one adapter on 127.0.0.1 (any free port) and a client
 * communicator, started before a test class and destroyed after it.
 */
public final class LoopbackServer implements BeforeAllCallback, AfterAllCallback {
    private final Properties serverProperties = new Properties();
    private final Properties clientProperties = new Properties();
    private Communicator server;
    private Communicator client;
    private ObjectAdapter adapter;

    private LoopbackServer() {
    }

    /** Server properties as name/value pairs. */
    public static LoopbackServer with(String... nameValues) {
        LoopbackServer loopback = new LoopbackServer();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            loopback.serverProperties.set(nameValues[i], nameValues[i + 1]);
        }
        return loopback;
    }

    public LoopbackServer client(String name, String value) {
        clientProperties.set(name, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = Communicator.initialize(serverProperties);
        client = Communicator.initialize(clientProperties);
        adapter = server.createObjectAdapterWithEndpoints("Test", "tcp -h 127.0.0.1 -p 0");
        adapter.activate();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.destroy();
        server.destroy();
    }

    public <S extends Servant> S add(String identity, S servant) {
        adapter.remove(Identity.of(identity));
        adapter.add(servant, Identity.of(identity));
        return servant;
    }

    public String endpoint() {
        return adapter.endpoints().get(0);
    }

    public <P> P proxy(String identity, Function<ObjectPrx, P> cast) {
        return cast.apply(client.stringToProxy(identity + ":" + endpoint()));
    }

    public Communicator serverCommunicator() {
        return server;
    }

    public Communicator clientCommunicator() {
        return client;
    }

    public ObjectAdapter adapter() {
        return adapter;
    }
}
