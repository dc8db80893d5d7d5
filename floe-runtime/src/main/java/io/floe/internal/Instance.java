package io.floe.internal;

import io.floe.Communicator;
import io.floe.EncodingVersion;
import io.floe.ObjectPrx;
import io.floe.Properties;
import io.floe.encoding.ClassNameValueFactory;
import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.encoding.ValueFactory;
import io.floe.encoding.ProxyDecoder;
import io.floe.internal.dispatch.AdapterRegistry;
import io.floe.internal.locator.Locators;
import io.floe.internal.proxy.ProxyParser;
import io.floe.internal.proxy.ProxyReader;
import io.floe.internal.transport.Acm;
import io.floe.internal.transport.ConnectionSettings;
import io.floe.internal.transport.Connector;
import io.floe.internal.transport.NettyTransport;
import io.floe.internal.pool.ThreadPool;
import io.floe.internal.pool.ThreadPoolSettings;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.ref.Cleaner;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Everything a communicator owns: configuration, event loops, thread pools, adapters, connections. */
public final class Instance {
    private final Communicator communicator;
    private final Properties properties;
    private final NettyTransport transport;
    private final ThreadPool serverPool;
    private final ThreadPool clientPool;
    private final Cleaner cleaner;
    private final HashedWheelTimer timer;
    private final Connector connector;
    private final AdapterRegistry adapters;
    private final ProxyParser proxyParser;
    private final Locators locators;
    private final ProxyReader proxyReader;
    private final ValueFactory valueFactory;
    private final InputStreams inputStreams;
    private final EncodingVersion defaultEncoding;
    private final FormatType defaultFormat;
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private final io.floe.internal.dispatch.RequestDispatcher withoutAdapter;
    private final io.floe.internal.proxy.ClientDefaults clientDefaults;
    private final io.floe.internal.proxy.ConnectionPools connectionPools = new io.floe.internal.proxy.ConnectionPools(this);

    public Instance(Communicator communicator, Properties properties) {
        this.communicator = communicator;
        this.properties = properties;
        this.defaultEncoding = parseEncoding(properties.get("Ice.Default.EncodingVersion", "1.1"));
        this.clientDefaults = io.floe.internal.proxy.ClientDefaults.read(properties);
        this.defaultFormat = properties.getInt("Ice.Default.SlicedFormat", 0) > 0 ? FormatType.SLICED : FormatType.COMPACT;
        this.proxyParser = new ProxyParser(this);
        // Before any thread starts, so that a bad proxy string leaves nothing to clean up. Parsed
        // while no default is set, the locator proxy itself has no locator, as in Ice.
        this.locators = new Locators(System::nanoTime);
        locators.setDefaultLocator(proxyParser.parse(properties.get("Ice.Default.Locator")));
        // Client connections' loops (and those of adapters whose pool hands requests off); a
        // server pool of fixed size brings loops of its own.
        this.transport = new NettyTransport(Math.max(1, properties.getInt("Floe.Transport.Threads",
                Runtime.getRuntime().availableProcessors() / 2)));
        this.serverPool = ThreadPool.forDispatch(ThreadPoolSettings.read(properties, "Ice.ThreadPool.Server"));
        this.clientPool = ThreadPool.create(ThreadPoolSettings.read(properties, "Ice.ThreadPool.Client"));
        this.cleaner = Cleaner.create(new DefaultThreadFactory("floe-cleaner", true));
        this.timer = new HashedWheelTimer(new DefaultThreadFactory("floe-timer", true), 10, TimeUnit.MILLISECONDS);
        this.connector = new Connector(this, "", connectionSettings("Ice"));
        this.adapters = new AdapterRegistry(this);
        this.proxyReader = new ProxyReader(this);
        this.valueFactory = new ClassNameValueFactory(modulePackages(properties),
                properties.get("Ice.Default.Package", ""));
        this.inputStreams = new InputStreams(proxyReader, valueFactory,
                properties.getInt("Ice.ClassGraphDepthMax", InputStream.DEFAULT_CLASS_GRAPH_DEPTH_MAX));
        this.withoutAdapter = io.floe.internal.dispatch.RequestDispatcher.withoutAdapter(inputStreams,
                properties.getInt("Ice.Warn.Dispatch", 1), cleaner, timer, defaultFormat);
    }

    public Communicator communicator() {
        return communicator;
    }

    public Properties properties() {
        return properties;
    }

    public NettyTransport transport() {
        return transport;
    }

    /** Dispatches the requests of adapters without a pool of their own. */
    public ThreadPool serverPool() {
        return serverPool;
    }

    /** Completes client futures and decodes replies; never the event loop. */
    public Executor clientExecutor() {
        return clientPool;
    }

    /** Detects AMD callbacks dropped without an answer. */
    public Cleaner cleaner() {
        return cleaner;
    }

    /** Dispatch deadlines and other coarse timers. */
    public Timer timer() {
        return timer;
    }

    public Connector connector() {
        return connector;
    }

    /** Answers the requests of a connection without an adapter: ObjectNotExistException. */
    public io.floe.internal.dispatch.RequestDispatcher dispatcherWithoutAdapter() {
        return withoutAdapter;
    }

    public AdapterRegistry adapters() {
        return adapters;
    }

    /** The default locator ({@code Ice.Default.Locator}), and the resolvers and caches of every locator in use. */
    public Locators locators() {
        return locators;
    }

    public ProxyParser proxies() {
        return proxyParser;
    }

    public ProxyDecoder proxyDecoder() {
        return proxyReader;
    }

    /** Makes class instances from type ids: generated classes found by name (Ice.Package.*). */
    public ValueFactory valueFactory() {
        return valueFactory;
    }

    /** Input streams that read this communicator's proxies and classes. */
    public InputStreams inputStreams() {
        return inputStreams;
    }

    public EncodingVersion defaultEncoding() {
        return defaultEncoding;
    }

    /** Retry intervals, endpoint selection and connect timeout override of client proxies. */
    public io.floe.internal.proxy.ClientDefaults clientDefaults() {
        return clientDefaults;
    }

    /** The connectors of proxies with a connection id (ice_connectionId). */
    public io.floe.internal.proxy.ConnectionPools connectionPools() {
        return connectionPools;
    }

    public FormatType defaultFormat() {
        return defaultFormat;
    }

    /** {@code Ice.Default.InvocationTimeout} in ms; -1 (the default): calls wait for their reply forever. */
    public int defaultInvocationTimeout() {
        int timeout = properties.getInt("Ice.Default.InvocationTimeout", -1);
        return timeout < 1 ? -1 : timeout;
    }

    /** {@code Ice.Default.Host}, or "" when unset. */
    public String defaultHost() {
        return properties.get("Ice.Default.Host");
    }

    /**
     * Limits of the connections of {@code prefix} ("Ice" for the communicator's, an adapter's
     * name for its own): {@code <prefix>.MessageSizeMax} in KiB (below 1: no limit), falling back
     * to {@code Ice.MessageSizeMax}, default 1024; ACM from {@code Ice.ACM.Client.*} or
     * {@code <adapter>.ACM.*} and {@code Ice.ACM.Server.*}, then {@code Ice.ACM.*}.
     */
    public ConnectionSettings connectionSettings(String prefix) {
        int kib = properties.getInt(prefix + ".MessageSizeMax", properties.getInt("Ice.MessageSizeMax", 1024));
        int messageSizeMax = kib < 1 || kib > Integer.MAX_VALUE / 1024 ? Integer.MAX_VALUE : kib * 1024;
        Acm acm = prefix.equals("Ice") ? Acm.client(properties) : Acm.server(properties, prefix);
        int closeTimeout = properties.getInt("Ice.Override.CloseTimeout", 10_000);
        int connectTimeout = properties.getInt("Ice.Override.ConnectTimeout", 60_000);
        int compressionLevel = properties.getInt("Ice.Compression.Level", 1);
        int autoFlushKib = properties.getInt("Ice.BatchAutoFlushSize", 1024);
        int autoFlush = autoFlushKib < 1 ? 0 : (int) Math.min(Integer.MAX_VALUE, autoFlushKib * 1024L);
        return new ConnectionSettings(messageSizeMax, closeTimeout, acm, connectTimeout,
                compressionLevel, autoFlush);
    }

    public ObjectPrx parseProxy(String text) {
        return proxyParser.parse(text);
    }

    public void destroy() {
        if (!destroyed.compareAndSet(false, true)) {
            return;
        }
        adapters.shutdown();
        adapters.waitForShutdown();
        try {
            CompletableFuture.allOf(connector.closeAll(), connectionPools.closeAll())
                    .get(connectionSettings("Ice").closeTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Connections still open are closed with the event loops below.
        }
        serverPool.shutdown();
        clientPool.shutdown();
        try {
            serverPool.awaitTermination(5000);
            clientPool.awaitTermination(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.stop();
        transport.shutdown();
    }

    // Ice.Package.<Module>=prefix: the Java package of a top-level Slice module's classes.
    private static Map<String, String> modulePackages(Properties properties) {
        Map<String, String> packages = new HashMap<>();
        properties.withPrefix("Ice.Package.").forEach((name, prefix) ->
                packages.put(name.substring("Ice.Package.".length()), prefix.trim()));
        return packages;
    }

    private static EncodingVersion parseEncoding(String value) {
        String[] parts = value.trim().split("\\.");
        if (parts.length != 2) {
            throw new io.floe.InitializationException("Ice.Default.EncodingVersion: '" + value + "' (expected: 1.0 or 1.1)");
        }
        return new EncodingVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
