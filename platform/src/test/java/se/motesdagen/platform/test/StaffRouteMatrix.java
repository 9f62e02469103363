package se.motesdagen.platform.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import se.motesdagen.platform.security.StaffRole;

/**
 * Proves a service's staff routes are open exactly as its README's route matrix says. The routes come
 * from the application's handler mappings, not from a list in the test, so a new staff route that the
 * matrix does not name fails, and so does a row for a route that no longer exists. For every route:
 * without a token the service answers 401; with the token of a role the matrix denies, 403; a role the
 * matrix allows passes the security chain. "own" (a host's own visits) passes the chain too; the
 * feature then checks whose record it is, and tests that itself.
 *
 * <p>The matrix is the README table whose header is {@code | route | ADMIN | PLANNER | HOST | ANALYST |},
 * one row per route as {@code `GET /personal/…`}, cells {@code ✓}, {@code own} or {@code –}.
 */
public final class StaffRouteMatrix {

    /** What a role may do on one route. */
    enum Access {
        ALLOWED,
        OWN,
        DENIED
    }

    private StaffRouteMatrix() {}

    /** Verifies every staff route of the application against the README's matrix, and prints what it covered. */
    public static void verify(ApplicationContext application, MockMvc mvc) throws Exception {
        Map<String, Map<StaffRole, Access>> matrix = read(Path.of("README.md"));
        Set<String> routes = staffRoutes(application);
        List<String> problems = new ArrayList<>();
        for (String route : routes) {
            if (!matrix.containsKey(route)) {
                problems.add(route + " is a staff route, but the README's route matrix has no row for it");
            }
        }
        for (String row : matrix.keySet()) {
            if (!routes.contains(row)) {
                problems.add(row + " is in the README's route matrix, but no such route exists");
            }
        }
        WebInvocationPrivilegeEvaluator chain = application.getBean(WebInvocationPrivilegeEvaluator.class);
        int requests = 0;
        for (String route : routes) {
            Map<StaffRole, Access> expected = matrix.get(route);
            if (expected == null) {
                continue;
            }
            HttpMethod method = HttpMethod.valueOf(route.substring(0, route.indexOf(' ')));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x1");
            int anonymous = mvc.perform(request(method, path).with(csrf()).accept(MediaType.TEXT_HTML))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            requests++;
            if (anonymous != 401) {
                problems.add(route + " without a sign-in answered " + anonymous + ", not 401");
            }
            for (StaffRole role : StaffRole.values()) {
                if (expected.get(role) == Access.DENIED) {
                    int status = mvc.perform(request(method, path)
                                    .with(csrf())
                                    .with(StaffTokens.as(role))
                                    .accept(MediaType.TEXT_HTML))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                    requests++;
                    if (status != 403) {
                        problems.add(route + " as " + role + " answered " + status + "; the matrix says 403");
                    }
                } else if (!chain.isAllowed("", path, method.name(), signedInAs(role))) {
                    problems.add(route + " is closed to " + role + "; the matrix opens it");
                }
            }
        }
        if (routes.isEmpty()) {
            problems.add("no staff route found in the handler mappings: is this the service's whole context?");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    "The staff routes and the README's route matrix disagree:\n  " + String.join("\n  ", problems));
        }
        System.out.printf("Staff route matrix: %d routes, %d requests%n", routes.size(), requests);
    }

    /** {@code GET /personal/…} for every handler method under /personal. */
    static Set<String> staffRoutes(ApplicationContext application) {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping :
                application.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.equals("/personal")
                            && !pattern.startsWith("/personal/")
                            && !pattern.startsWith("/personal.")) {
                        continue;
                    }
                    if (methods.isEmpty()) {
                        routes.add("GET " + pattern);
                    }
                    methods.forEach(method -> routes.add(method.name() + " " + pattern));
                }
            }
        }
        return routes;
    }

    static Map<String, Map<StaffRole, Access>> read(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<StaffRole, Access>> matrix = new LinkedHashMap<>();
        boolean inMatrix = false;
        for (String line : lines) {
            if (line.strip().matches("\\|[\\s:|-]+\\|")) {
                continue; // the row under the header
            }
            List<String> cells = cells(line);
            if (cells.size() == 5
                    && cells.getFirst().equals("route")
                    && cells.get(1).equals("ADMIN")) {
                if (!cells.subList(1, 5).equals(List.of("ADMIN", "PLANNER", "HOST", "ANALYST"))) {
                    throw new AssertionError("The route matrix's columns must be ADMIN, PLANNER, HOST, ANALYST");
                }
                inMatrix = true;
            } else if (inMatrix && cells.isEmpty()) {
                inMatrix = false;
            } else if (inMatrix && cells.size() == 5 && cells.getFirst().startsWith("`")) {
                Map<StaffRole, Access> row = new EnumMap<>(StaffRole.class);
                for (int i = 0; i < 4; i++) {
                    row.put(StaffRole.values()[i], access(cells.get(i + 1), line));
                }
                matrix.put(cells.getFirst().replace("`", ""), row);
            }
        }
        if (matrix.isEmpty()) {
            throw new AssertionError(
                    readme.toAbsolutePath() + " has no route matrix (| route | ADMIN | PLANNER | HOST | ANALYST |)");
        }
        return matrix;
    }

    private static Access access(String cell, String line) {
        return switch (cell) {
            case "✓" -> Access.ALLOWED;
            case "own" -> Access.OWN;
            case "–", "-" -> Access.DENIED;
            default -> throw new AssertionError("A route matrix cell is ✓, own or –, not '" + cell + "': " + line);
        };
    }

    private static List<String> cells(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("|")) {
            return List.of();
        }
        List<String> cells = new ArrayList<>();
        for (String cell : trimmed.substring(1, trimmed.length() - 1).split("\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static JwtAuthenticationToken signedInAs(StaffRole role) {
        Jwt jwt = Jwt.withTokenValue("matrix")
                .header("alg", "RS256")
                .subject(role.name().toLowerCase())
                .claim("roles", List.of(role.name()))
                .build();
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority(role.authority())));
    }
}
