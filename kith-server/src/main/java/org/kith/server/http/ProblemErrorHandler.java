package org.kith.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty produces itself, before or around the dispatcher (an undecodable URI, headers too
 * large, a handler that failed its callback), answered as problem+json like every other error
 * and never with a stack trace.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    public ProblemErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        SecurityHeaders.apply(response);
        String detail = code >= 500 ? "the server failed to handle this request"
                : message == null || message.isBlank() ? Problems.title(code) : message;
        byte[] body = Problems.json(code, code >= 500 ? "internal" : "http-" + code, detail, null)
                .getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
