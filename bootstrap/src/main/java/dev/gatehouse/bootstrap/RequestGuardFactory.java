package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.in.rest.Problem;
import dev.gatehouse.adapter.in.rest.Problems;
import dev.gatehouse.adapter.in.rest.compat.djrestauth.DjRestAuthController;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Guards on every HTTP/1 connection, before Micronaut sees a request:
 * <ul>
 *   <li>a whole request (headers and body) must arrive within {@code auth.http.request-read-timeout}
 *       (AUTH_HTTP_REQUEST_READ_TIMEOUT, default 20 s), measured from its first byte, or the connection
 *       gets a 408 and is closed: a client sending one byte every few seconds is never "idle", so
 *       Micronaut's idle timeouts alone would let it hold a connection for ever;</li>
 *   <li>a NUL character in the path or a query parameter is a 400 (PostgreSQL refuses NUL in text, so
 *       letting it through would end as a 500 far from the edge).</li>
 * </ul>
 * Answers written here are problem+json like the rest of the API, and close the connection, since
 * the rest of the refused request may still be on the wire.
 */
@Singleton
final class RequestGuardFactory implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private final Duration readTimeout;
    private final JsonMapper json;

    private final NettyHttpServerConfiguration server;
    private final boolean djRestAuth;

    RequestGuardFactory(@Value("${auth.http.request-read-timeout:20s}") Duration readTimeout, JsonMapper json,
                        NettyHttpServerConfiguration server,
                        @Value("${" + DjRestAuthController.ENABLED + ":false}") boolean djRestAuth) {
        this.readTimeout = readTimeout;
        this.djRestAuth = djRestAuth;
        this.json = json;
        this.server = server;
    }

    /**
     * Micronaut's codec with the same limits, whose headers remember when Netty dropped a Content-Length
     * because Transfer-Encoding was also sent. Netty then serves the request as chunked, which RFC 9112
     * §6.1 allows, but a proxy in front may have read the body by its Content-Length: answering such a
     * request at all is how requests get smuggled, so the guard refuses it instead.
     */
    private HttpServerCodec codec() {
        HttpDecoderConfig config = new HttpDecoderConfig()
                .setMaxInitialLineLength(server.getMaxInitialLineLength())
                .setMaxHeaderSize(server.getMaxHeaderSize())
                .setMaxChunkSize(server.getMaxChunkSize())
                .setValidateHeaders(server.isValidateHeaders())
                .setInitialBufferSize(server.getInitialBufferSize())
                .setHeadersFactory(new HttpHeadersFactory() {
                    @Override
                    public HttpHeaders newHeaders() {
                        return new MarkedHeaders();
                    }

                    @Override
                    public HttpHeaders newEmptyHeaders() {
                        return new MarkedHeaders();
                    }
                });
        return new HttpServerCodec(config);
    }

    /** Request headers that note Netty's removal of Content-Length (it does so only when Transfer-Encoding is there). */
    static final class MarkedHeaders extends DefaultHttpHeaders {
        boolean contentLengthDropped;

        @Override
        public HttpHeaders remove(String name) {
            note(name);
            return super.remove(name);
        }

        @Override
        public HttpHeaders remove(CharSequence name) {
            note(name);
            return super.remove(name);
        }

        private void note(CharSequence name) {
            if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name) && contains(HttpHeaderNames.CONTENT_LENGTH)) {
                contentLengthDropped = true;
            }
        }
    }

    private byte[] render(Object problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null || channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null) {
                return;
            }
            if (channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) instanceof HttpServerCodec) {
                channel.pipeline().replace(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC,
                        ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, codec());
            }
            Guard guard = new Guard(readTimeout.toMillis(), RequestGuardFactory.this::render, server.getMaxRequestSize(), djRestAuth);
            channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "gatehouse-first-byte", guard.firstByte);
            channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "gatehouse-request-guard", guard);
        }
    }

    /** One per connection; runs on the connection's event loop, so its fields need no locking. */
    static final class Guard extends ChannelDuplexHandler {
        private final long timeoutMillis;
        private final Function<Object, byte[]> render;
        private final long maxBody;
        private final boolean djRestAuth;
        /** A JSON request held back until its whole body is in and checked (bounded by the body limit). */
        private HttpRequest held;
        private final List<HttpContent> heldContent = new ArrayList<>();
        private long heldBytes;
        private ScheduledFuture<?> timer;
        /** The headers of the current request went on to Micronaut, which may be answering it. */
        private boolean forwarded;
        /** A refusal has been written: drop what is left of the request. */
        private boolean refused;

        final ChannelInboundHandlerAdapter firstByte = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (timer == null && !refused && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    // Answered from the guard's place behind the codec, so that the response gets encoded.
                    timer = ctx.executor().schedule(() -> timedOut(guardContext), timeoutMillis, TimeUnit.MILLISECONDS);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                cancel();
                ctx.fireChannelInactive();
            }
        };

        private ChannelHandlerContext guardContext;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            guardContext = ctx;
        }

        Guard(long timeoutMillis, Function<Object, byte[]> render, long maxBody, boolean djRestAuth) {
            this.timeoutMillis = timeoutMillis;
            this.render = render;
            this.maxBody = maxBody;
            this.djRestAuth = djRestAuth;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
                if (request.headers() instanceof MarkedHeaders marked && marked.contentLengthDropped) {
                    ReferenceCountUtil.release(msg);
                    refuse(ctx, Problems.problem(HttpStatus.BAD_REQUEST, "bad_request",
                            "Send either Content-Length or Transfer-Encoding, not both.", null));
                    return;
                }
                String field = nulField(request.uri());
                if (field != null) {
                    ReferenceCountUtil.release(msg);
                    refuse(ctx, Problems.problem(HttpStatus.BAD_REQUEST, "validation_failed", "One or more fields are invalid.",
                            Map.of(field, List.of("Must not contain a NUL character."))));
                    return;
                }
                forwarded = true;
                String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
                if (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
                    held = request;
                    heldBytes = 0;
                    return;
                }
            }
            if (held != null && msg instanceof HttpContent content) {
                heldContent.add(content);
                heldBytes += content.content().readableBytes();
                if (heldBytes > maxBody) {
                    // Too large to check: Micronaut refuses it by its size (413).
                    forwardHeld(ctx);
                } else if (content instanceof LastHttpContent) {
                    checkHeld(ctx);
                }
                return;
            }
            if (msg instanceof LastHttpContent) {
                cancel();
                forwarded = false;
            }
            ctx.fireChannelRead(msg);
        }

        private void checkHeld(ChannelHandlerContext ctx) {
            byte[] body = new byte[(int) heldBytes];
            int at = 0;
            for (HttpContent content : heldContent) {
                int n = content.content().readableBytes();
                content.content().getBytes(content.content().readerIndex(), body, at, n);
                at += n;
            }
            JsonBodyCheck.Problem problem = JsonBodyCheck.check(body);
            if (problem == null) {
                forwardHeld(ctx);
                return;
            }
            String path = new QueryStringDecoder(held.uri()).path();
            releaseHeld();
            if (djRestAuth && (path.equals("/dj-rest-auth") || path.startsWith("/dj-rest-auth/"))) {
                // The dialect's clients read Django REST framework's shape, even for a body they could not send.
                refuse(ctx, HttpResponseStatus.BAD_REQUEST, "application/json", Map.of("detail", problem.field() == null
                        ? "JSON parse error - " + problem.message() : problem.field() + ": " + problem.message()));
                return;
            }
            refuse(ctx, Problems.problem(HttpStatus.BAD_REQUEST, "validation_failed",
                    problem.field() == null ? problem.message() : "One or more fields are invalid.",
                    problem.field() == null ? null : Map.of(problem.field(), List.of(problem.message()))));
        }

        private void forwardHeld(ChannelHandlerContext ctx) {
            HttpRequest request = held;
            List<HttpContent> contents = new ArrayList<>(heldContent);
            boolean last = !contents.isEmpty() && contents.getLast() instanceof LastHttpContent;
            held = null;
            heldContent.clear();
            ctx.fireChannelRead(request);
            for (HttpContent content : contents) {
                ctx.fireChannelRead(content);
            }
            if (last) {
                cancel();
                forwarded = false;
            }
        }

        private void releaseHeld() {
            held = null;
            heldContent.forEach(ReferenceCountUtil::release);
            heldContent.clear();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            releaseHeld();
            super.channelInactive(ctx);
        }

        private void timedOut(ChannelHandlerContext ctx) {
            timer = null;
            if (!ctx.channel().isActive()) {
                return;
            }
            if (forwarded) {
                // Micronaut has the headers and may be writing its own answer: a second one would corrupt the stream.
                refused = true;
                ctx.close();
                return;
            }
            refuse(ctx, Problems.problem(HttpStatus.REQUEST_TIMEOUT, "request_timeout",
                    "The whole request must arrive within the server's request read timeout.", null));
        }

        private void refuse(ChannelHandlerContext ctx, Problem problem) {
            refuse(ctx, HttpResponseStatus.valueOf(problem.status()), "application/problem+json", problem);
        }

        private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String contentType, Object answer) {
            refused = true;
            cancel();
            ByteBuf body = Unpooled.wrappedBuffer(render.apply(answer));
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        private void cancel() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        /** The name of the part of the URI that holds a NUL ("path" or the query parameter), or null. */
        static String nulField(String uri) {
            if (uri.indexOf('\0') < 0 && !uri.toLowerCase(java.util.Locale.ROOT).contains("%00")) {
                return null;
            }
            QueryStringDecoder decoded = new QueryStringDecoder(uri, StandardCharsets.UTF_8, true, 1024);
            if (decoded.path().indexOf('\0') >= 0) {
                return "path";
            }
            for (Map.Entry<String, List<String>> parameter : decoded.parameters().entrySet()) {
                if (parameter.getKey().indexOf('\0') >= 0) {
                    return "query";
                }
                for (String value : parameter.getValue()) {
                    if (value.indexOf('\0') >= 0) {
                        return parameter.getKey().matches("[A-Za-z0-9_]{1,64}") ? parameter.getKey() : "query";
                    }
                }
            }
            return "query";
        }
    }
}
