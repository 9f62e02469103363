package se.motesdagen.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * The path a request really names within the service: percent-decoded, without {@code ;params}, with
 * {@code .} and {@code ..} resolved and doubled slashes folded. Filters that decide by path must use
 * this, or {@code /%61pi/} and {@code //api/} walk past a check on {@code /api/}.
 */
public final class RequestPaths {

    private static final UrlPathHelper DECODING = new UrlPathHelper();

    static {
        DECODING.setUrlDecode(true);
        DECODING.setRemoveSemicolonContent(true);
    }

    private RequestPaths() {}

    public static String normalised(HttpServletRequest request) {
        String path = StringUtils.cleanPath(DECODING.getPathWithinApplication(request));
        path = path.replaceAll("/{2,}", "/");
        return path.startsWith("/") ? path : "/" + path;
    }
}
