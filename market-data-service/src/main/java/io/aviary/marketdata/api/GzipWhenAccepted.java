package io.aviary.marketdata.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;

/**
 * A streamed answer gzip'd when the client accepts it ({@code Accept-Encoding: gzip}). Compression happens here, in
 * the service, once: the gateway passes the compressed bytes through, so the internal hop and the proxy move a third
 * of the bytes. Deflate level 1: on a year of 1m candles it costs about a quarter of the default level's CPU for
 * 10–15 % more bytes (docs/benchmarks.md), and CPU is what the suite is short of.
 */
final class GzipWhenAccepted {

    private static final int BUFFER = 64 * 1024;

    private GzipWhenAccepted() {
    }

    /**
     * The stream to write the body to: the response's own, or a gzip stream over it (headers set) when the
     * request accepts gzip. The caller closes it, which finishes the gzip trailer.
     */
    static OutputStream body(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (!acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            return response.getOutputStream();
        }
        response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        return new GZIPOutputStream(response.getOutputStream(), BUFFER) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    /** Whether an {@code Accept-Encoding} value names gzip (or x-gzip, or *) with a non-zero quality. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            if ((coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) && !zeroQuality(parts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean zeroQuality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2).strip()) == 0;
                } catch (NumberFormatException notANumber) {
                    return true;
                }
            }
        }
        return false;
    }
}
