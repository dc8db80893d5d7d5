package io.floe.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.ObjectPrx;
import io.floe.client.ScriptedServer.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which connection a proxy's calls use: caching, random selection, connection ids. */
@Timeout(60)
class ConnectionManagementTest {
    @Test
    void aCachedConnectionCarriesEveryCallOfTheProxy() throws Exception {
        try (ScriptedServer a = new ScriptedServer(n -> Action.REPLY);
             ScriptedServer b = new ScriptedServer(n -> Action.REPLY);
             Communicator client = Communicator.initialize()) {
            ObjectPrx proxy = client.stringToProxy("x:" + a.endpoint() + ":" + b.endpoint());

            for (int i = 0; i < 40; i++) {
                proxy.ice_ping();
            }

            assertThat(a.requests().size() + b.requests().size()).isEqualTo(40);
            assertThat(a.requests().isEmpty() || b.requests().isEmpty()).isTrue();
        }
    }

    @Test
    void withoutConnectionCachingEachCallPicksARandomEndpoint() throws Exception {
        try (ScriptedServer a = new ScriptedServer(n -> Action.REPLY);
             ScriptedServer b = new ScriptedServer(n -> Action.REPLY);
             Communicator client = Communicator.initialize()) {
            ObjectPrx proxy = client.stringToProxy("x:" + a.endpoint() + ":" + b.endpoint())
                    .ice_connectionCached(false);

            for (int i = 0; i < 40; i++) {
                proxy.ice_ping();
            }

            // 2^-39 odds of a false failure; each server keeps one connection, shared by the calls.
            assertThat(a.requests()).isNotEmpty();
            assertThat(b.requests()).isNotEmpty();
            assertThat(a.connections()).isEqualTo(1);
            assertThat(b.connections()).isEqualTo(1);
        }
    }

    @Test
    void connectionsAreSharedPerEndpointAndConnectionId() throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> Action.REPLY);
             Communicator client = Communicator.initialize()) {
            ObjectPrx proxy = client.stringToProxy("x:" + server.endpoint());

            proxy.ice_ping();
            client.stringToProxy("y:" + server.endpoint()).ice_ping();
            assertThat(server.connections()).isEqualTo(1);

            proxy.ice_connectionId("one").ice_ping();
            proxy.ice_connectionId("one").ice_facet("f").ice_ping();
            proxy.ice_connectionId("two").ice_ping();
            assertThat(server.connections()).isEqualTo(3);
        }
    }
}
