package io.floe.internal.locator;

import static java.util.Objects.requireNonNull;

import io.floe.UserException;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.floe.encoding.UserExceptionFactory;
import java.util.Set;

/**
 * One of the user exceptions of {@code Ice/Locator.ice}. None of them has a member, so one class
 * holding the type id stands for all five; each is one slice with no data.
 */
public final class LocatorUserException extends UserException {
    private static final long serialVersionUID = 1L;

    public static final String ADAPTER_NOT_FOUND = "::Ice::AdapterNotFoundException";
    public static final String INVALID_REPLICA_GROUP_ID = "::Ice::InvalidReplicaGroupIdException";
    public static final String ADAPTER_ALREADY_ACTIVE = "::Ice::AdapterAlreadyActiveException";
    public static final String OBJECT_NOT_FOUND = "::Ice::ObjectNotFoundException";
    public static final String SERVER_NOT_FOUND = "::Ice::ServerNotFoundException";

    private static final Set<String> TYPE_IDS = Set.of(ADAPTER_NOT_FOUND, INVALID_REPLICA_GROUP_ID,
            ADAPTER_ALREADY_ACTIVE, OBJECT_NOT_FOUND, SERVER_NOT_FOUND);

    private final String typeId;

    public LocatorUserException(String typeId) {
        if (!TYPE_IDS.contains(requireNonNull(typeId, "typeId"))) {
            throw new IllegalArgumentException("type id: " + typeId + " (expected: one of " + TYPE_IDS + ")");
        }
        this.typeId = typeId;
    }

    /** Makes the exceptions an operation declares, given as type ids; null for anything else. */
    static UserExceptionFactory factory(String... declared) {
        Set<String> accepted = Set.of(declared);
        return typeId -> accepted.contains(typeId) ? new LocatorUserException(typeId) : null;
    }

    /** Whether this is the exception of type id {@code typeId}. */
    public boolean is(String typeId) {
        return this.typeId.equals(typeId);
    }

    @Override
    public String ice_id() {
        return typeId;
    }

    @Override
    public void _write(OutputStream out) {
        out.startLastSlice(typeId);
        out.endSlice();
    }

    @Override
    public void _read(InputStream in) {
        in.startSlice();
        in.endSlice();
    }
}
