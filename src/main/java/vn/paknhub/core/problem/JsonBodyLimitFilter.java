package vn.paknhub.core.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps JSON request bodies (multipart has its own limits). A declared length over the cap is refused
 * before reading; a chunked body is cut off at the cap and refused the same way.
 */
@Component
class JsonBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    JsonBodyLimitFilter(@Value("${hub.intake.max-json-bytes}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Signals a body over the cap from inside the JSON reader. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body over the limit", null);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        // the hub's own API; the development hub's partner simulators (/sandbox) take what real partners take
        return !request.getRequestURI().startsWith("/api/") || type == null || !type.toLowerCase().startsWith(MediaType.APPLICATION_JSON_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return new CappedStream(request.getInputStream(), maxBytes);
            }
        }, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetails.write(response, ProblemHandler.tooLarge("$", "body-size", "Nội dung yêu cầu vượt quá " + maxBytes + " byte.",
                "The request body exceeds " + maxBytes + " bytes."), request.getRequestURI());
    }

    private static final class CappedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        CappedStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > max) {
                throw new BodyTooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0 && (read += n) > max) {
                throw new BodyTooLarge();
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
