package io.ccsfront.node;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.util.concurrent.AbstractEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.ClientOptionsBase;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.transport.Transport;
import java.net.SocketAddress;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A Vert.x transport (epoll, io_uring or NIO: whichever Vert.x would pick) whose listening sockets
 * accept on the event loops instead of on Vert.x's dedicated acceptor thread.
 *
 * <p>Vert.x 5.0 registers every server socket with a separate one-thread "acceptor" event loop
 * group and hands each accepted connection over to an event loop: a thread wake-up and a
 * cross-thread registration per connection (the acceptor thread took 34–37 µs per handshake on
 * the benchmark machine). nginx and HAProxy accept on the thread that then serves the
 * connection; so does this transport: the acceptor group it hands Vert.x is a view of the I/O
 * event loop group. Measured (docs/BENCHMARKS.md, "Handshake CPU changes"): the acceptor's cost
 * moved onto the event loop — no net gain at 35–45 % load, within the run-to-run noise; it also
 * drops four redundant child-socket options (6 → 2 setsockopt per connection). Vert.x 5.0.x has no option for it; the transport SPI
 * ({@code io.vertx.core.spi.transport.Transport#eventLoopGroup(type, ...)}) is where the group is
 * made. {@code -Dccsfront.dedicatedAcceptor=true} keeps Vert.x's acceptor thread.
 */
final class AcceptOnEventLoopTransport implements Transport {

    private final Transport delegate;
    private final Impl impl;

    private AcceptOnEventLoopTransport(Transport delegate) {
        this.delegate = delegate;
        this.impl = new Impl(delegate.implementation());
    }

    /**
     * The native transport Vert.x would choose with {@code preferNativeTransport} (epoll, else
     * io_uring on Linux), accepting on the event loops; that transport unchanged when
     * {@code ccsfront.dedicatedAcceptor} is set; null when there is none (Vert.x then uses NIO).
     */
    static Transport preferNative() {
        Transport t = Transport.nativeTransport();
        if (t == null || !t.available()) {
            return null; // Vert.x falls back to NIO (with its acceptor thread) and says why
        }
        return Boolean.getBoolean("ccsfront.dedicatedAcceptor") ? t : new AcceptOnEventLoopTransport(t);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean available() {
        return delegate.available();
    }

    @Override
    public Throwable unavailabilityCause() {
        return delegate.unavailabilityCause();
    }

    @Override
    public io.vertx.core.spi.transport.Transport implementation() {
        return impl;
    }

    /** Delegates everything; the acceptor group is the I/O group made just before it. */
    private static final class Impl implements io.vertx.core.spi.transport.Transport {
        private final io.vertx.core.spi.transport.Transport d;
        private volatile EventLoopGroup io;

        Impl(io.vertx.core.spi.transport.Transport d) {
            this.d = d;
        }

        @Override
        public EventLoopGroup eventLoopGroup(int type, int nThreads, ThreadFactory threadFactory, int ioRatio) {
            if (type == ACCEPTOR_EVENT_LOOP_GROUP && io != null) {
                return new SharedAcceptorGroup(io);
            }
            EventLoopGroup g = d.eventLoopGroup(type, nThreads, threadFactory, ioRatio);
            if (type == IO_EVENT_LOOP_GROUP) {
                io = g;
            }
            return g;
        }

        @Override
        public boolean supportsDomainSockets() {
            return d.supportsDomainSockets();
        }

        @Override
        public boolean supportFileRegion() {
            return d.supportFileRegion();
        }

        @Override
        public boolean isAvailable() {
            return d.isAvailable();
        }

        @Override
        public Throwable unavailabilityCause() {
            return d.unavailabilityCause();
        }

        @Override
        public SocketAddress convert(io.vertx.core.net.SocketAddress address) {
            return d.convert(address);
        }

        @Override
        public io.vertx.core.net.SocketAddress convert(SocketAddress address) {
            return d.convert(address);
        }

        @Override
        public IoHandlerFactory ioHandlerFactory() {
            return d.ioHandlerFactory();
        }

        @Override
        public DatagramChannel datagramChannel() {
            return d.datagramChannel();
        }

        @Override
        @SuppressWarnings("deprecation")
        public DatagramChannel datagramChannel(InternetProtocolFamily family) {
            return d.datagramChannel(family);
        }

        @Override
        public ChannelFactory<? extends Channel> channelFactory(boolean domainSocket) {
            return d.channelFactory(domainSocket);
        }

        @Override
        public ChannelFactory<? extends ServerChannel> serverChannelFactory(boolean domainSocket) {
            return d.serverChannelFactory(domainSocket);
        }

        @Override
        public void configure(DatagramChannel channel, DatagramSocketOptions options) {
            d.configure(channel, options);
        }

        @Override
        public void configure(ClientOptionsBase options, int connectTimeout, boolean domainSocket, Bootstrap bootstrap) {
            d.configure(options, connectTimeout, domainSocket, bootstrap);
        }

        /**
         * Vert.x's options, minus the child-socket options it would set to the value every
         * accepted socket already has (keep-alive, cork, quick-ack off, user timeout 0): each
         * is a setsockopt per connection (4 of 6 syscalls of the kind, measured with strace).
         */
        @Override
        public void configure(NetServerOptions options, boolean domainSocket, ServerBootstrap bootstrap) {
            d.configure(options, domainSocket, bootstrap);
            for (Map.Entry<ChannelOption<?>, Object> e : bootstrap.config().childOptions().entrySet()) {
                String name = e.getKey().name();
                Object v = e.getValue();
                if ((name.equals("SO_KEEPALIVE") || name.endsWith("EpollChannelOption#TCP_CORK")
                        || name.endsWith("EpollChannelOption#TCP_QUICKACK")) && Boolean.FALSE.equals(v)
                        || name.endsWith("EpollChannelOption#TCP_USER_TIMEOUT") && Integer.valueOf(0).equals(v)) {
                    bootstrap.childOption(e.getKey(), null); // null removes the option
                }
            }
        }
    }

    /**
     * The I/O event loops seen as the acceptor group: server sockets register on them. Shutting it
     * down does nothing (Vert.x shuts the I/O group down right after it).
     */
    static final class SharedAcceptorGroup extends AbstractEventExecutorGroup implements EventLoopGroup {
        private final EventLoopGroup io;

        SharedAcceptorGroup(EventLoopGroup io) {
            this.io = io;
        }

        @Override
        public EventLoop next() {
            return io.next();
        }

        @Override
        public Iterator<EventExecutor> iterator() {
            return io.iterator();
        }

        @Override
        public ChannelFuture register(Channel channel) {
            return next().register(channel);
        }

        @Override
        public ChannelFuture register(ChannelPromise promise) {
            return next().register(promise);
        }

        @Override
        @Deprecated
        public ChannelFuture register(Channel channel, ChannelPromise promise) {
            return next().register(channel, promise);
        }

        @Override
        public boolean isShuttingDown() {
            return io.isShuttingDown();
        }

        @Override
        public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
            return terminationFuture();
        }

        @Override
        public Future<?> terminationFuture() {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(null);
        }

        @Override
        @Deprecated
        public void shutdown() {
        }

        @Override
        @Deprecated
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return io.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return io.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return io.awaitTermination(timeout, unit);
        }
    }
}
