package io.floe.internal.dispatch;

import static java.util.Objects.requireNonNull;

import io.floe.AlreadyRegisteredException;
import io.floe.NotRegisteredException;
import io.floe.Servant;
import io.floe.ServantLocator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default servants and servant locators of one adapter, by category ("" for any category).
 * Lookups fall back from the identity's category to "", as Ice's ServantManager does.
 */
final class ServantLocators {
    private static final Logger log = LoggerFactory.getLogger(ServantLocators.class);

    private final Map<String, Servant> defaultServants = new ConcurrentHashMap<>();
    private final Map<String, ServantLocator> locators = new ConcurrentHashMap<>();

    void addDefaultServant(String category, Servant servant) {
        requireNonNull(servant, "servant");
        if (defaultServants.putIfAbsent(orEmpty(category), servant) != null) {
            throw new AlreadyRegisteredException("default servant for category '" + category + "'");
        }
    }

    Servant removeDefaultServant(String category) {
        Servant removed = defaultServants.remove(orEmpty(category));
        if (removed == null) {
            throw new NotRegisteredException("default servant", category);
        }
        return removed;
    }

    Servant findDefaultServant(String category) {
        return defaultServants.get(orEmpty(category));
    }

    void addLocator(String category, ServantLocator locator) {
        requireNonNull(locator, "locator");
        if (locators.putIfAbsent(orEmpty(category), locator) != null) {
            throw new AlreadyRegisteredException("servant locator for category '" + category + "'");
        }
    }

    ServantLocator removeLocator(String category) {
        ServantLocator removed = locators.remove(orEmpty(category));
        if (removed == null) {
            throw new NotRegisteredException("servant locator", category);
        }
        return removed;
    }

    ServantLocator findLocator(String category) {
        return locators.get(orEmpty(category));
    }

    /** The default servant of {@code category}, else the one of "". */
    Servant defaultServantFor(String category) {
        if (defaultServants.isEmpty()) {
            return null;
        }
        Servant servant = defaultServants.get(category);
        return servant != null || category.isEmpty() ? servant : defaultServants.get("");
    }

    /** The locator of {@code category}, else the default locator "". */
    ServantLocator locatorFor(String category) {
        if (locators.isEmpty()) {
            return null;
        }
        ServantLocator locator = locators.get(category);
        return locator != null || category.isEmpty() ? locator : locators.get("");
    }

    /**
     * Removes every locator and tells it its adapter is gone, once; one that throws is logged and
     * the others still run.
     */
    void deactivateAll(String adapterName) {
        for (Map.Entry<String, ServantLocator> entry : locators.entrySet()) {
            if (!locators.remove(entry.getKey(), entry.getValue())) {
                continue;
            }
            try {
                entry.getValue().deactivate(entry.getKey());
            } catch (RuntimeException e) {
                log.error("object adapter '{}': servant locator for category '{}' failed to deactivate",
                        adapterName, entry.getKey(), e);
            }
        }
    }

    private static String orEmpty(String category) {
        return category == null ? "" : category;
    }
}
