package dev.bulwark.http;

import dev.bulwark.core.wire.WireHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/1.1 listener every API call arrives on.
 *
 * <p>Pipeline per connection: idle timeout, HTTP codec, {@code 100-continue}, aggregation up
 * to the body limit (a larger {@code Content-Length} is answered 413 before any byte of the
 * body is buffered), then {@link WireRequestHandler}, which hands the request to a virtual
 * thread. Native epoll is used where available.
 *
 * <p>{@link #close(Duration)} is graceful: it stops accepting, lets in-flight requests finish
 * (up to the grace period), then closes connections and threads.
 */
public final class HttpFront implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    private static final int MAX_INITIAL_LINE = 16 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final ExecutorService requestThreads;
    private final ChannelGroup connections;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final Channel serverChannel;

    private HttpFront(HttpFrontConfig config, WireHandler handler) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        bossGroup = new MultiThreadIoEventLoopGroup(1, io);
        workerGroup = new MultiThreadIoEventLoopGroup(io);
        requestThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("request-", 0).factory());
        connections = new DefaultChannelGroup("connections", GlobalEventExecutor.INSTANCE);

        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        ChannelPipeline pipeline = channel.pipeline();
                        pipeline.addLast(new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
                        pipeline.addLast(new IdleConnectionCloser());
                        pipeline.addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192));
                        pipeline.addLast(new HttpServerExpectContinueHandler());
                        pipeline.addLast(new HttpObjectAggregator(config.maxRequestBytes()));
                        pipeline.addLast(new WireRequestHandler(handler, requestThreads, inFlight));
                    }
                });
        serverChannel = bootstrap.bind(config.bindAddress(), config.port()).sync().channel();
        LOG.debug("Listening on {} ({})", serverChannel.localAddress(), epoll ? "epoll" : "nio");
    }

    /** Binds and starts serving; throws if the address cannot be bound. */
    public static HttpFront start(HttpFrontConfig config, WireHandler handler) {
        try {
            return new HttpFront(config, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while binding " + config.bindAddress() + ":" + config.port(), e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Requests being answered right now. */
    public int inFlightRequests() {
        return inFlight.current();
    }

    /** Stops accepting, waits up to {@code grace} for in-flight requests, then releases everything. */
    public void close(Duration grace) {
        serverChannel.close().syncUninterruptibly();
        try {
            if (!inFlight.awaitDrained(grace)) {
                LOG.warn("{} request(s) still running after {} s; closing anyway", inFlight.current(), grace.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.close().awaitUninterruptibly();
        requestThreads.shutdown();
        bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
