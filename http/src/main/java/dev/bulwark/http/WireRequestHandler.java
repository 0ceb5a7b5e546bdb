package dev.bulwark.http;

import dev.bulwark.core.wire.WireHandler;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.core.wire.WireResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each complete request to the {@link WireHandler} on a virtual thread and writes the
 * answer back. The event loop only copies bytes: the handler may block on storage or crypto
 * without stalling other connections.
 *
 * <p>The request body is copied out of Netty's buffer before the hand-off, so no reference
 * counted buffer outlives this method (leak detection stays quiet).
 */
final class WireRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(WireRequestHandler.class);

    private final WireHandler handler;
    private final ExecutorService workers;
    private final InFlightRequests inFlight;

    WireRequestHandler(WireHandler handler, ExecutorService workers, InFlightRequests inFlight) {
        this.handler = handler;
        this.workers = workers;
        this.inFlight = inFlight;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            writeAndMaybeClose(ctx, plain(HttpResponseStatus.BAD_REQUEST, "Malformed HTTP request"), false);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        WireRequest wireRequest = toWireRequest(ctx, request);
        inFlight.started();
        try {
            workers.execute(() -> answer(ctx, wireRequest, keepAlive));
        } catch (RejectedExecutionException shuttingDown) {
            inFlight.finished();
            writeAndMaybeClose(ctx, plain(HttpResponseStatus.SERVICE_UNAVAILABLE, "Shutting down"), false);
        }
    }

    private void answer(ChannelHandlerContext ctx, WireRequest request, boolean keepAlive) {
        try {
            WireResponse response;
            try {
                response = handler.handle(request);
            } catch (RuntimeException | Error unexpected) {
                // The gateway maps every expected failure to an AWS error; reaching here is a bug.
                LOG.error("Unhandled failure answering {} {}", request.method(), request.rawPath(), unexpected);
                response = WireResponse.of(500, "text/plain", "Internal error".getBytes(StandardCharsets.UTF_8));
            }
            writeAndMaybeClose(ctx, toNetty(response), keepAlive);
        } finally {
            inFlight.finished();
        }
    }

    private static WireRequest toWireRequest(ChannelHandlerContext ctx, FullHttpRequest request) {
        String uri = request.uri();
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        String query = question < 0 ? "" : uri.substring(question + 1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        byte[] body = ByteBufUtil.getBytes(request.content());
        String remote = ctx.channel().remoteAddress() instanceof InetSocketAddress socket
                ? socket.getAddress().getHostAddress() : "";
        boolean secure = ctx.pipeline().get(SslHandler.class) != null;
        return new WireRequest(request.method().name(), path, query, headers, body, remote, secure);
    }

    private static FullHttpResponse toNetty(WireResponse response) {
        FullHttpResponse netty = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        response.headers().forEach((name, value) -> netty.headers().set(name, value));
        netty.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        return netty;
    }

    static FullHttpResponse plain(HttpResponseStatus status, String text) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        return response;
    }

    private static void writeAndMaybeClose(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Connection error from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
