package io.floe.encoding;

import io.floe.Value;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds generated classes by name, as Ice for Java does: {@code ::A::B::C} is the class
 * {@code A.B.C} (a Java keyword among the names gets the {@code _} prefix the compiler gives it,
 * docs/mapping.md: {@code ::M::default} is {@code M._default}), or {@code p.A.B.C} when {@code Ice.Package.A=p}, or {@code d.A.B.C} with
 * {@code Ice.Default.Package=d}; a compact id {@code n} is the {@code typeId} field of
 * {@code FloeCompactId.TypeId_n} (under each configured package too). Classes are looked up
 * through the thread's context class loader, then the runtime's. Lookups are cached, misses
 * included, so a peer sending unknown type ids costs one lookup per id.
 *
 * <p>Thread-safe.
 */
public final class ClassNameValueFactory implements ValueFactory {
    private static final int MAX_CACHED = 4096;
    /** The names the Slice compiler escapes with {@code _} (floe-slice's {@code Names}). */
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break",
            "byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double",
            "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record",
            "sealed", "permits");

    private final Map<String, String> modulePackages;
    private final String defaultPackage;
    private final Map<String, Optional<Constructor<? extends Value>>> constructors = new ConcurrentHashMap<>();
    private final Map<Integer, Optional<String>> compactIds = new ConcurrentHashMap<>();

    /**
     * @param modulePackages top-level Slice module → Java package prefix ({@code Ice.Package.*})
     * @param defaultPackage prefix for the other modules ({@code Ice.Default.Package}), "" or null for none
     */
    public ClassNameValueFactory(Map<String, String> modulePackages, String defaultPackage) {
        this.modulePackages = Map.copyOf(modulePackages);
        this.defaultPackage = defaultPackage == null ? "" : defaultPackage;
    }

    /** No package prefixes. */
    public ClassNameValueFactory() {
        this(Map.of(), "");
    }

    @Override
    public Value create(String typeId) {
        Optional<Constructor<? extends Value>> constructor = constructors.get(typeId);
        if (constructor == null) {
            constructor = Optional.ofNullable(findConstructor(typeId));
            cache(constructors, typeId, constructor);
        }
        if (constructor.isEmpty()) {
            return null;
        }
        try {
            return constructor.get().newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new io.floe.MarshalException("cannot make an instance of " + typeId + " with "
                    + constructor.get() + ": " + e, e);
        }
    }

    @Override
    public String resolveCompactId(int compactId) {
        Optional<String> typeId = compactIds.get(compactId);
        if (typeId == null) {
            typeId = Optional.ofNullable(findCompactTypeId(compactId));
            cache(compactIds, compactId, typeId);
        }
        return typeId.orElse(null);
    }

    // A peer chooses the type ids: the cache must not grow without bound.
    private static <K, V> void cache(Map<K, V> map, K key, V value) {
        if (map.size() < MAX_CACHED) {
            map.put(key, value);
        }
    }

    private Constructor<? extends Value> findConstructor(String typeId) {
        if (!typeId.startsWith("::") || typeId.length() > 1024) {
            return null;
        }
        String[] scopes = typeId.substring(2).split("::", -1);
        String[] javaNames = new String[scopes.length];
        for (int i = 0; i < scopes.length; i++) {
            // Slice names never start with '_': that spelling belongs to escaped keywords.
            if (scopes[i].isEmpty() || scopes[i].startsWith("_") || !isJavaIdentifier(scopes[i])) {
                return null;
            }
            javaNames[i] = JAVA_KEYWORDS.contains(scopes[i]) ? "_" + scopes[i] : scopes[i];
        }
        String className = String.join(".", javaNames);
        String prefix = modulePackages.getOrDefault(scopes[0], defaultPackage);
        if (!prefix.isEmpty()) {
            className = prefix + "." + className;
        }
        Class<?> c = load(className);
        if (c == null || !Value.class.isAssignableFrom(c) || Modifier.isAbstract(c.getModifiers())) {
            return null;
        }
        try {
            return c.asSubclass(Value.class).getConstructor();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private String findCompactTypeId(int compactId) {
        List<String> prefixes = new java.util.ArrayList<>();
        prefixes.add("");
        if (!defaultPackage.isEmpty()) {
            prefixes.add(defaultPackage + ".");
        }
        modulePackages.values().stream().distinct().forEach(p -> prefixes.add(p + "."));
        for (String prefix : prefixes) {
            Class<?> c = load(prefix + "FloeCompactId.TypeId_" + compactId);
            if (c != null) {
                try {
                    Object typeId = c.getField("typeId").get(null);
                    if (typeId instanceof String s) {
                        return s;
                    }
                } catch (ReflectiveOperationException e) {
                    // not a generated compact id class: keep looking
                }
            }
        }
        return null;
    }

    private static Class<?> load(String className) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(className, false, context);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the runtime's loader below
            }
        }
        try {
            return Class.forName(className, false, ClassNameValueFactory.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static boolean isJavaIdentifier(String s) {
        if (!Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
