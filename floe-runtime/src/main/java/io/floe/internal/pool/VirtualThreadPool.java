package io.floe.internal.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One virtual thread per task, so synchronous servants that block scale like AMD ones. Floe is
 * built for Java 17, so the JDK 21 API is looked up at run time; without it the caller falls back
 * to an ordinary pool.
 */
final class VirtualThreadPool implements ThreadPool {
    private static final Logger log = LoggerFactory.getLogger(VirtualThreadPool.class);

    private final ThreadPoolSettings settings;
    private final ExecutorService executor;

    private VirtualThreadPool(ThreadPoolSettings settings, ExecutorService executor) {
        this.settings = settings;
        this.executor = executor;
    }

    /** Null, after a warning, when this JVM has no virtual threads. */
    static ThreadPool createIfSupported(ThreadPoolSettings settings) {
        int feature = Runtime.version().feature();
        if (feature < 21) {
            log.warn("{}.Virtual=1 needs virtual threads (JDK 21 or newer); this JVM is {}: using an"
                    + " ordinary pool of {} to {} threads", settings.prefix(), Runtime.version(),
                    settings.size(), settings.sizeMax());
            return null;
        }
        try {
            var lookup = MethodHandles.publicLookup();
            Class<?> builderClass = Class.forName("java.lang.Thread$Builder");
            Object builder = lookup.findStatic(Thread.class, "ofVirtual",
                    MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual"))).invoke();
            builder = lookup.findVirtual(builderClass, "name",
                    MethodType.methodType(builderClass, String.class, long.class))
                    .invoke(builder, ElasticThreadPool.threadName(settings.prefix()) + "-virtual-", 1L);
            Object factory = lookup.findVirtual(builderClass, "factory",
                    MethodType.methodType(java.util.concurrent.ThreadFactory.class)).invoke(builder);
            ExecutorService executor = (ExecutorService) lookup.findStatic(java.util.concurrent.Executors.class,
                    "newThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class,
                            java.util.concurrent.ThreadFactory.class)).invoke(factory);
            return new VirtualThreadPool(settings, executor);
        } catch (Throwable e) {
            log.warn("{}.Virtual=1: cannot create virtual threads ({}); using an ordinary pool",
                    settings.prefix(), e.toString());
            return null;
        }
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    @Override
    public Executor forConnection() {
        return settings.serialize() ? new SerialExecutor(this) : this;
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }

    @Override
    public boolean awaitTermination(long millis) throws InterruptedException {
        return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public int poolSize() {
        return 0;
    }
}
