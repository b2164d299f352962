package dev.gatehouse.adapter.in.rest.console;

import static dev.gatehouse.adapter.in.rest.console.Html.esc;

import dev.gatehouse.adapter.in.rest.AdminOperationsController;
import dev.gatehouse.adapter.in.rest.AdminParams;
import dev.gatehouse.adapter.in.rest.ClientInfos;
import dev.gatehouse.adapter.in.rest.SettingsBody;
import dev.gatehouse.application.error.GatehouseException;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.PermissionDeniedException;
import dev.gatehouse.application.error.SettingsConflictException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.AdministerUserSessionsUseCase;
import dev.gatehouse.application.port.in.AdministerUsersUseCase;
import dev.gatehouse.application.port.in.DeleteAccountUseCase;
import dev.gatehouse.application.port.in.ListSigningKeysUseCase;
import dev.gatehouse.application.error.InvalidCredentialsException;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.LogInUseCase;
import dev.gatehouse.application.port.in.VerifyMfaUseCase;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;
import dev.gatehouse.application.port.in.ManageMailOutboxUseCase;
import dev.gatehouse.application.port.in.ManageSettingsUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.QueryAuditUseCase;
import dev.gatehouse.application.port.in.RotateSigningKeyUseCase;
import dev.gatehouse.application.port.in.SendPasswordResetUseCase;
import dev.gatehouse.application.port.in.ViewDashboardUseCase;
import dev.gatehouse.application.port.out.PasswordHasherBusyException;
import dev.gatehouse.application.port.out.StorageUnavailableException;
import dev.gatehouse.application.settings.RateLimits;
import dev.gatehouse.application.settings.Tunables;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The admin console at /admin/: server-rendered pages over the same admin use cases as the admin API, so it can
 * do nothing the API cannot. Forms post back (application/x-www-form-urlencoded) and answer with a redirect
 * (post/redirect/get), or with the form again and its field errors. Every post carries the session's CSRF token
 * and, when the browser sends one (every current browser does on a form post), an Origin of this very host.
 */
@Hidden
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "auth.admin-console.enabled", value = "true", defaultValue = "true")
public final class ConsoleController {
    static final String COOKIE = "gatehouse_console";
    static final String LOGIN_COOKIE = "gatehouse_console_login";
    /** The pending login's mfa_token between the password and the code: a cookie, never a field of the page. */
    static final String MFA_COOKIE = "gatehouse_console_mfa";
    static final String CSP = "default-src 'self'; script-src 'none'; object-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String CSS = readCss();
    private static final Map<String, String> DONE = Map.ofEntries(Map.entry("activated", "The user is active again."),
            Map.entry("deactivated", "The user is deactivated; their sessions have ended."),
            Map.entry("role", "The role is changed; the user's sessions have ended (new tokens carry the new role)."),
            Map.entry("verified", "The email address is marked verified."),
            Map.entry("unverified", "The email address is marked not verified."),
            Map.entry("logout", "Every session of the user has ended."), Map.entry("session", "The session has ended."),
            Map.entry("reset", "A password reset link is on its way to the user."), Map.entry("deleted", "The user is deleted."),
            Map.entry("settings", "The settings are saved; every instance applies them within seconds."),
            Map.entry("rotated", "A new signing key signs from now on; the previous one stays published until its tokens expire."),
            Map.entry("retried", "The mail is written again to the outbox."));

    private final ConsoleSessions sessions;
    private final LogInUseCase logIn;
    private final VerifyMfaUseCase verifyMfa;
    private final ClientInfos clientInfos;
    private final ViewDashboardUseCase dashboard;
    private final AdministerUsersUseCase users;
    private final AdministerUserSessionsUseCase userSessions;
    private final SendPasswordResetUseCase passwordReset;
    private final DeleteAccountUseCase deleteAccount;
    private final ManageSettingsUseCase settings;
    private final ListSigningKeysUseCase keys;
    private final RotateSigningKeyUseCase rotate;
    private final QueryAuditUseCase audit;
    private final ManageMailOutboxUseCase outbox;

    public ConsoleController(ConsoleSessions sessions, LogInUseCase logIn, VerifyMfaUseCase verifyMfa, ClientInfos clientInfos, ViewDashboardUseCase dashboard,
                             AdministerUsersUseCase users, AdministerUserSessionsUseCase userSessions,
                             SendPasswordResetUseCase passwordReset, DeleteAccountUseCase deleteAccount,
                             ManageSettingsUseCase settings, ListSigningKeysUseCase keys, RotateSigningKeyUseCase rotate,
                             QueryAuditUseCase audit, ManageMailOutboxUseCase outbox) {
        this.sessions = sessions;
        this.logIn = logIn;
        this.verifyMfa = verifyMfa;
        this.clientInfos = clientInfos;
        this.dashboard = dashboard;
        this.users = users;
        this.userSessions = userSessions;
        this.passwordReset = passwordReset;
        this.deleteAccount = deleteAccount;
        this.settings = settings;
        this.keys = keys;
        this.rotate = rotate;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** What a page handler gets: the administrator, and the request. */
    private record Ctx(ConsoleSessions.Resolved auth, HttpRequest<?> request, Map<String, Object> form) {
        Principal admin() {
            return auth.admin();
        }

        String field(String name) {
            return ConsoleController.field(form, name);
        }
    }

    // ---------------------------------------------------------------- sign-in

    @Get(value = "/console.css", produces = "text/css")
    public MutableHttpResponse<String> css() {
        return HttpResponse.ok(CSS).contentType("text/css;charset=utf-8").header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
    }

    @Get(value = "/login", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> loginForm(HttpRequest<?> request, @QueryValue @Nullable String reason) {
        String message = "idle".equals(reason) ? "You were signed out after " + Html.span(sessions.idleTimeout()) + " without activity."
                : "out".equals(reason) ? "You are signed out." : null;
        return loginPage(request, HttpStatus.OK, null, message, "");
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> login(HttpRequest<?> request, @Body Map<String, Object> form) {
        String identifier = Optional.ofNullable(field(form, "identifier")).map(String::strip).orElse("");
        String password = field(form, "password");
        String expected = request.getCookies().findCookie(LOGIN_COOKIE).map(Cookie::getValue).orElse(null);
        if (!sameOrigin(request) || !ConsoleSessions.sameToken(expected, field(form, "csrf"))) {
            return loginPage(request, HttpStatus.FORBIDDEN, "The form expired or came from another site. Sign in again.", null, identifier);
        }
        if (identifier.isEmpty() || password == null || password.isEmpty()
                || identifier.length() > LogInUseCase.MAX_IDENTIFIER_LENGTH || password.length() > PlainPassword.MAX_BYTES) {
            return loginPage(request, HttpStatus.BAD_REQUEST, "Enter your email address (or username) and password.", null, identifier);
        }
        try {
            LogInResult result = logIn.logIn(new LogInUseCase.LogInCommand(identifier, PlainPassword.of(password),
                    clientInfos.of(request)));
            if (result instanceof LogInResult.LoggedIn in) {
                return signedIn(request, in.authenticated(), identifier);
            }
            if (result instanceof LogInResult.MfaRequired pending) {
                // The second step, as at POST /api/auth/mfa/verify: the same use case, its limits and its audit.
                return codePage(request, HttpStatus.OK, null).header(HttpHeaders.SET_COOKIE,
                        cookie(request, MFA_COOKIE, pending.mfaToken(), false));
            }
            if (result instanceof LogInResult.Throttled t) {
                return loginPage(request, HttpStatus.TOO_MANY_REQUESTS, "Too many attempts. Try again in "
                        + Html.span(t.retryAfter()) + ".", null, identifier).header("Retry-After", Long.toString(t.retryAfter().toSeconds()));
            }
            if (result instanceof LogInResult.Refused r && r.reason() == LogInResult.Reason.ACCOUNT_DISABLED) {
                return loginPage(request, HttpStatus.FORBIDDEN, "This account is deactivated.", null, identifier);
            }
            if (result instanceof LogInResult.Refused r && r.reason() == LogInResult.Reason.EMAIL_NOT_VERIFIED) {
                return loginPage(request, HttpStatus.FORBIDDEN, "This account's email address is not verified yet.", null, identifier);
            }
            if (result instanceof LogInResult.Refused) {
                return loginPage(request, HttpStatus.UNAUTHORIZED, "Wrong email address, username or password.", null, identifier);
            }
            return loginPage(request, HttpStatus.FORBIDDEN, "This account cannot sign in to the console.", null, identifier);
        } catch (InvalidValueException e) {
            return loginPage(request, HttpStatus.BAD_REQUEST, e.getMessage(), null, identifier);
        } catch (StorageUnavailableException e) {
            return unavailable();
        } catch (PasswordHasherBusyException e) {
            return loginPage(request, HttpStatus.SERVICE_UNAVAILABLE, "The service is busy. Submit again in a moment.", null, identifier);
        }
    }

    /** The second factor of a pending login: a code from the authenticator app, or a recovery code. */
    @Post(value = "/login/code", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> loginCode(HttpRequest<?> request, @Body Map<String, Object> form) {
        String expected = request.getCookies().findCookie(LOGIN_COOKIE).map(Cookie::getValue).orElse(null);
        String mfaToken = request.getCookies().findCookie(MFA_COOKIE).map(Cookie::getValue).orElse(null);
        if (!sameOrigin(request) || !ConsoleSessions.sameToken(expected, field(form, "csrf")) || mfaToken == null) {
            return loginPage(request, HttpStatus.FORBIDDEN, "The form expired or came from another site. Sign in again.", null, "")
                    .header(HttpHeaders.SET_COOKIE, cookie(request, MFA_COOKIE, "", true));
        }
        String code = Optional.ofNullable(field(form, "code")).map(String::strip).orElse("");
        if (code.isEmpty() || code.length() > 64) {
            return codePage(request, HttpStatus.BAD_REQUEST, "Enter the code from your authenticator app, or a recovery code.");
        }
        try {
            AuthenticatedUser user = verifyMfa.verify(new VerifyMfaUseCase.VerifyMfaCommand(mfaToken, code, clientInfos.of(request)));
            return signedIn(request, user, "").header(HttpHeaders.SET_COOKIE, cookie(request, MFA_COOKIE, "", true));
        } catch (InvalidCredentialsException e) {
            return codePage(request, HttpStatus.UNAUTHORIZED, "Wrong code. Try the current one again.");
        } catch (TokenNotValidException e) {
            return loginPage(request, HttpStatus.UNAUTHORIZED, "That sign-in expired or had too many wrong codes. Sign in again.", null, "")
                    .header(HttpHeaders.SET_COOKIE, cookie(request, MFA_COOKIE, "", true));
        } catch (RateLimitedException e) {
            return codePage(request, HttpStatus.TOO_MANY_REQUESTS, "Too many attempts. Try again in "
                    + Html.span(java.time.Duration.ofSeconds(e.retryAfterSeconds())) + ".")
                    .header("Retry-After", Long.toString(Math.max(1, e.retryAfterSeconds())));
        } catch (StorageUnavailableException e) {
            return unavailable();
        }
    }

    /** A login or its second step succeeded: administrators get the console's cookie, anyone else is turned away. */
    private MutableHttpResponse<String> signedIn(HttpRequest<?> request, AuthenticatedUser authenticated, String identifier) {
        if (authenticated.user().role() != Role.ADMIN) {
            sessions.refuse(authenticated);
            return loginPage(request, HttpStatus.FORBIDDEN, "The console is for administrators only.", null, identifier);
        }
        String cookie = sessions.open(authenticated);
        MutableHttpResponse<String> response = HttpResponse.seeOther(URI.create("/admin/"));
        return response.header(HttpHeaders.SET_COOKIE, cookie(request, COOKIE, cookie, false))
                .header(HttpHeaders.SET_COOKIE, cookie(request, LOGIN_COOKIE, "", true));
    }

    private MutableHttpResponse<String> codePage(HttpRequest<?> request, HttpStatus status, String error) {
        String csrf = sessions.randomToken();
        StringBuilder html = new StringBuilder("<div class=\"login card\"><h1>Gatehouse admin console</h1>");
        if (error != null) {
            html.append("<p class=\"alert\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        html.append("<form method=\"post\" action=\"/admin/login/code\">").append(Html.csrfField(csrf))
                .append("<label for=\"code\">Code from your authenticator app, or a recovery code</label>")
                .append("<input type=\"text\" id=\"code\" name=\"code\" autocomplete=\"one-time-code\" inputmode=\"text\" ")
                .append("maxlength=\"64\" required autofocus>")
                .append("<p><button type=\"submit\">Continue</button></p></form>")
                .append("<p class=\"hint\"><a href=\"/admin/login\">Start again</a></p></div>");
        return html(status, document("Second factor", null, null, null, html.toString()))
                .header(HttpHeaders.SET_COOKIE, cookie(request, LOGIN_COOKIE, csrf, false));
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> logout(HttpRequest<?> request, @Body Map<String, Object> form) {
        return act(request, form, ctx -> {
            sessions.close(request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null));
            MutableHttpResponse<String> out = HttpResponse.seeOther(URI.create("/admin/login?reason=out"));
            return out.header(HttpHeaders.SET_COOKIE, cookie(request, COOKIE, "", true));
        });
    }

    // ---------------------------------------------------------------- dashboard

    @Get(value = "/", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> dashboard(HttpRequest<?> request) {
        return view(request, ctx -> {
            ViewDashboardUseCase.Dashboard d = dashboard.dashboard(ctx.admin());
            StringBuilder html = new StringBuilder("<h1>Dashboard</h1><div class=\"grid\">");
            stat(html, d.users(), "users", "/admin/users");
            stat(html, d.activeUsers(), "active users", null);
            stat(html, d.activeSessions(), "active sessions", null);
            stat(html, d.signIns24h(), "sign-ins, 24 h", "/admin/audit?type=login_success");
            stat(html, d.failures24h(), "failed sign-ins, 24 h", "/admin/audit?type=login_failure");
            stat(html, d.signIns30d(), "sign-ins, 30 days", null);
            stat(html, d.failures30d(), "failed sign-ins, 30 days", null);
            stat(html, d.tokenReuse24h(), "token reuse, 24 h", "/admin/audit?type=token_reuse");
            stat(html, d.tokenReuse30d(), "token reuse, 30 days", null);
            stat(html, d.mailPending(), "mails pending", "/admin/outbox?state=pending");
            stat(html, d.mailRetrying(), "mails retrying", "/admin/outbox?state=retrying");
            stat(html, d.mailDead(), "mails dead", "/admin/outbox?state=dead");
            html.append("</div><div class=\"charts\"><section class=\"card\"><h2>Sign-ins per day, last 30 days</h2>")
                    .append(Html.chart("Sign-ins per day, last 30 days", d.signIns(), false))
                    .append("</section><section class=\"card\"><h2>Failed sign-ins per day, last 30 days</h2>")
                    .append(Html.chart("Failed sign-ins per day, last 30 days", d.failures(), true)).append("</section></div>");
            return page(ctx, HttpStatus.OK, "Dashboard", "dashboard", html.toString());
        });
    }

    private static void stat(StringBuilder html, long value, String label, String href) {
        html.append("<div class=\"stat\"><b>").append(value).append("</b><span>");
        if (href != null) {
            html.append("<a href=\"").append(esc(href)).append("\">").append(esc(label)).append("</a>");
        } else {
            html.append(esc(label));
        }
        html.append("</span></div>");
    }

    // ---------------------------------------------------------------- users

    @Get(value = "/users", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> users(HttpRequest<?> request, @QueryValue @Nullable String q,
                                             @QueryValue @Nullable String page, @QueryValue @Nullable String sort) {
        return view(request, ctx -> {
            int p = AdminParams.page(page);
            AdministerUsersUseCase.Sort order = AdminParams.userSort(sort);
            AdministerUsersUseCase.UserPage found = users.search(ctx.admin(), q, order, p - 1, 25);
            StringBuilder html = new StringBuilder("<h1>Users</h1><form class=\"filters\" method=\"get\" action=\"/admin/users\" role=\"search\">")
                    .append("<div><label for=\"q\">Email or username contains</label><input type=\"search\" id=\"q\" name=\"q\" value=\"")
                    .append(esc(q)).append("\"></div><div><label for=\"sort\">Order</label><select id=\"sort\" name=\"sort\">")
                    .append(sortOptions(order)).append("</select></div><div><button type=\"submit\">Search</button></div></form>")
                    .append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Email</th><th scope=\"col\">Username</th>")
                    .append("<th scope=\"col\">Role</th><th scope=\"col\">Status</th><th scope=\"col\">Joined</th>")
                    .append("<th scope=\"col\">Last sign-in</th></tr></thead><tbody>");
            for (User u : found.items()) {
                html.append("<tr><td class=\"wrap\"><a href=\"/admin/users/").append(esc(u.id())).append("\">").append(esc(u.email().value()))
                        .append("</a></td><td>").append(esc(u.username() == null ? "" : u.username().value())).append("</td><td>")
                        .append(esc(u.role().code())).append("</td><td>").append(Html.badge(u.isActive(), "active", "inactive"))
                        .append(u.isEmailVerified() ? " " + Html.badge(true, "verified", "") : "").append("</td><td>")
                        .append(Html.time(u.dateJoined())).append("</td><td>").append(Html.time(u.lastLogin())).append("</td></tr>");
            }
            if (found.items().isEmpty()) {
                html.append("<tr><td colspan=\"6\">No user matches.</td></tr>");
            }
            Map<String, String> query = new LinkedHashMap<>();
            query.put("q", q);
            query.put("sort", order == AdministerUsersUseCase.Sort.NEWEST ? null : order.name().toLowerCase(Locale.ROOT));
            html.append("</tbody></table></div>").append(Html.pager("/admin/users", query, p, 25, found.total()));
            return page(ctx, HttpStatus.OK, "Users", "users", html.toString());
        });
    }

    private static String sortOptions(AdministerUsersUseCase.Sort selected) {
        StringBuilder html = new StringBuilder();
        Map<AdministerUsersUseCase.Sort, String> labels = new LinkedHashMap<>();
        labels.put(AdministerUsersUseCase.Sort.NEWEST, "newest first");
        labels.put(AdministerUsersUseCase.Sort.OLDEST, "oldest first");
        labels.put(AdministerUsersUseCase.Sort.EMAIL, "by email");
        labels.put(AdministerUsersUseCase.Sort.LAST_LOGIN, "by last sign-in");
        labels.forEach((sort, label) -> html.append("<option value=\"").append(sort.name().toLowerCase(Locale.ROOT)).append('"')
                .append(sort == selected ? " selected" : "").append('>').append(label).append("</option>"));
        return html.toString();
    }

    @Get(value = "/users/{id}", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> user(HttpRequest<?> request, @PathVariable String id, @QueryValue @Nullable String done) {
        return view(request, ctx -> userPage(ctx, AdminParams.userId(id), HttpStatus.OK, null));
    }

    private MutableHttpResponse<String> userPage(Ctx ctx, UserId id, HttpStatus status, String error) {
        User u = users.get(ctx.admin(), id);
        List<Session> live = userSessions.sessionsOf(ctx.admin(), id);
        String base = "/admin/users/" + u.id();
        String csrf = ctx.auth().csrf();
        Instant now = Instant.now();
        StringBuilder html = new StringBuilder("<h1>").append(esc(u.email().value())).append("</h1>");
        if (error != null) {
            html.append("<p class=\"alert\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        var p = u.profile();
        html.append("<section class=\"card\"><h2>Profile</h2><dl class=\"props\">")
                .append("<dt>Id</dt><dd>").append(esc(u.id())).append("</dd>")
                .append("<dt>Username</dt><dd>").append(esc(u.username() == null ? "—" : u.username().value())).append("</dd>")
                .append("<dt>Name</dt><dd>").append(esc((p.firstName() + " " + p.lastName()).strip())).append("</dd>")
                .append("<dt>Role</dt><dd>").append(esc(u.role().code())).append("</dd>")
                .append("<dt>Status</dt><dd>").append(Html.badge(u.isActive(), "active", "inactive")).append("</dd>")
                .append("<dt>Email</dt><dd>").append(Html.badge(u.isEmailVerified(), "verified", "not verified")).append("</dd>")
                .append("<dt>Joined</dt><dd>").append(Html.time(u.dateJoined())).append("</dd>")
                .append("<dt>Last sign-in</dt><dd>").append(Html.time(u.lastLogin())).append("</dd>")
                .append("<dt>Password changed</dt><dd>").append(Html.time(u.passwordChangedAt())).append("</dd></dl></section>");
        html.append("<section class=\"card\"><h2>Actions</h2>")
                .append(Html.button(base + "/active", csrf, u.isActive() ? "Deactivate" : "Activate", u.isActive() ? "danger" : "",
                        Map.of("active", Boolean.toString(!u.isActive()))))
                .append(Html.button(base + "/verified", csrf, u.isEmailVerified() ? "Mark email not verified" : "Mark email verified",
                        "secondary", Map.of("verified", Boolean.toString(!u.isEmailVerified()))))
                .append(Html.button(base + "/password-reset", csrf, "Send password reset mail", "secondary", Map.of()))
                .append(Html.button(base + "/logout", csrf, "End every session", "secondary", Map.of()))
                .append("<form class=\"inline\" method=\"post\" action=\"").append(esc(base + "/role")).append("\">")
                .append(Html.csrfField(csrf)).append("<label for=\"role\">Role</label><select id=\"role\" name=\"role\">");
        for (Role role : Role.values()) {
            html.append("<option value=\"").append(esc(role.code())).append('"').append(role == u.role() ? " selected" : "")
                    .append('>').append(esc(role.code())).append("</option>");
        }
        html.append("</select><button type=\"submit\" class=\"secondary\">Change role</button></form></section>");
        html.append("<section class=\"card\"><h2>Sessions (").append(live.size()).append(")</h2><div class=\"scroll\"><table><thead><tr>")
                .append("<th scope=\"col\">Device</th><th scope=\"col\">Address</th><th scope=\"col\">Started</th>")
                .append("<th scope=\"col\">Last used</th><th scope=\"col\">Expires</th><th scope=\"col\"><span class=\"skip\">Action</span></th>")
                .append("</tr></thead><tbody>");
        for (Session s : live) {
            html.append("<tr><td class=\"wrap\">").append(esc(s.client().userAgent() == null ? "unknown" : s.client().userAgent()))
                    .append(s.id().equals(ctx.admin().sessionId()) ? " <span class=\"badge\">this console</span>" : "")
                    .append("</td><td>").append(esc(s.client().ip())).append("</td><td>").append(Html.time(s.createdAt()))
                    .append("</td><td>").append(Html.age(s.lastUsedAt(), now)).append(" ago</td><td>").append(Html.time(s.expiresAt()))
                    .append("</td><td>").append(Html.button(base + "/sessions/" + s.id() + "/revoke", csrf, "End", "secondary", Map.of()))
                    .append("</td></tr>");
        }
        if (live.isEmpty()) {
            html.append("<tr><td colspan=\"6\">No live session.</td></tr>");
        }
        html.append("</tbody></table></div></section>");
        html.append("<section class=\"card\"><h2>Delete</h2><p>Erases the account: its sessions, tokens and profile; its audit events ")
                .append("keep only their id, type and time.</p><form method=\"post\" action=\"").append(esc(base + "/delete"))
                .append("\">").append(Html.csrfField(csrf))
                .append("<div class=\"inline\"><input type=\"checkbox\" id=\"confirm\" name=\"confirm\" value=\"yes\" required>")
                .append("<label for=\"confirm\">Yes, delete ").append(esc(u.email().value())).append("</label></div>")
                .append("<p><button type=\"submit\" class=\"danger\">Delete user</button></p></form></section>")
                .append("<p><a href=\"/admin/audit?user=").append(esc(u.id())).append("\">This user's audit events</a></p>");
        return page(ctx, status, u.email().value(), "users", html.toString());
    }

    @Post(value = "/users/{id}/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> userAction(HttpRequest<?> request, @PathVariable String id, @PathVariable String action,
                                                  @Body Map<String, Object> form) {
        return act(request, form, ctx -> {
            UserId user = AdminParams.userId(id);
            String back = "/admin/users/" + user;
            try {
                String done = switch (action) {
                    case "active" -> {
                        boolean active = "true".equals(ctx.field("active"));
                        users.update(ctx.admin(), user, new AdministerUsersUseCase.UserChanges(active, null, null));
                        yield active ? "activated" : "deactivated";
                    }
                    case "verified" -> {
                        boolean verified = "true".equals(ctx.field("verified"));
                        users.update(ctx.admin(), user, new AdministerUsersUseCase.UserChanges(null, null, verified));
                        yield verified ? "verified" : "unverified";
                    }
                    case "role" -> {
                        Role role;
                        try {
                            role = Role.fromCode(String.valueOf(ctx.field("role")));
                        } catch (InvalidValueException e) {
                            throw ValidationFailedException.of("role", e.getMessage());
                        }
                        users.update(ctx.admin(), user, new AdministerUsersUseCase.UserChanges(null, role, null));
                        yield "role";
                    }
                    case "logout" -> {
                        users.logOutEverywhere(ctx.admin(), user);
                        yield "logout";
                    }
                    case "password-reset" -> {
                        passwordReset.sendPasswordReset(ctx.admin(), user);
                        yield "reset";
                    }
                    case "delete" -> {
                        if (!"yes".equals(ctx.field("confirm"))) {
                            throw ValidationFailedException.of("confirm", "Tick the box to confirm the deletion.");
                        }
                        deleteAccount.deleteAccount(ctx.admin(), user);
                        back = "/admin/users";
                        yield "deleted";
                    }
                    default -> throw new NotFoundException("Action");
                };
                return redirect(back + "?done=" + done);
            } catch (ValidationFailedException | dev.gatehouse.application.error.LastAdminException e) {
                return userPage(ctx, user, e instanceof ValidationFailedException ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT,
                        message(e));
            }
        });
    }

    @Post(value = "/users/{id}/sessions/{session}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> revokeSession(HttpRequest<?> request, @PathVariable String id, @PathVariable String session,
                                                     @Body Map<String, Object> form) {
        return act(request, form, ctx -> {
            UserId user = AdminParams.userId(id);
            userSessions.revokeSession(ctx.admin(), user, AdminParams.sessionId(session));
            return redirect("/admin/users/" + user + "?done=session");
        });
    }

    // ---------------------------------------------------------------- settings

    @Get(value = "/settings", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> settings(HttpRequest<?> request) {
        return view(request, ctx -> {
            ManageSettingsUseCase.CurrentSettings current = settings.get(ctx.admin());
            return settingsPage(ctx, HttpStatus.OK, values(current.tunables()), current.version(), Map.of(), null);
        });
    }

    @Post(value = "/settings", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> saveSettings(HttpRequest<?> request, @Body Map<String, Object> form) {
        return act(request, form, ctx -> {
            Map<String, String> submitted = new LinkedHashMap<>();
            for (SettingField f : SETTINGS) {
                String v = ctx.field(f.name());
                submitted.put(f.name(), v == null ? "" : v.strip());
            }
            String version = ctx.field("version");
            try {
                SettingsBody.Parsed parsed = SettingsBody.parse(body(submitted, version), true);
                SettingsBody.apply(settings, ctx.admin(), parsed);
                return redirect("/admin/settings?done=settings");
            } catch (ValidationFailedException e) {
                return settingsPage(ctx, HttpStatus.BAD_REQUEST, submitted, parseVersion(version), e.errors(),
                        "Nothing was saved: correct the fields marked below.");
            } catch (SettingsConflictException e) {
                ManageSettingsUseCase.CurrentSettings current = settings.get(ctx.admin());
                return settingsPage(ctx, HttpStatus.CONFLICT, values(current.tunables()), current.version(), Map.of(),
                        "The settings were changed by someone else since you opened this form, so yours were not saved. "
                                + "The form now shows the current values: make your change again.");
            }
        });
    }

    /** A form field: its wire name (the admin API's), its label, and the bounds the service enforces. */
    private record SettingField(String name, String label, String bounds, boolean number) {
    }

    private static final List<SettingField> SETTINGS = List.of(
            new SettingField("access_token_ttl", "Access-token lifetime", "ISO 8601 duration, 30 s to 24 h, e.g. PT5M", false),
            new SettingField("refresh_token_ttl", "Refresh-token lifetime", "5 min to 365 days, e.g. PT720H", false),
            new SettingField("refresh_reuse_grace", "Refresh reuse grace", "0 to 5 min, e.g. PT10S", false),
            new SettingField("verification_mode", "Email verification", "none, optional or mandatory", false),
            new SettingField("password_min_length", "Minimum password length", "8 to 128", true),
            new SettingField("rate_limits.login_max_failures", "Failed logins before lockout", "1 to 100", true),
            new SettingField("rate_limits.lockout", "Lockout", "1 s to 1 day, e.g. PT15M", false),
            new SettingField("rate_limits.login_per_address_per_minute", "Logins per client address per minute", "1 to 100,000", true),
            new SettingField("rate_limits.mail_per_address_per_hour", "Mails per recipient per hour", "1 to 1,000", true),
            new SettingField("rate_limits.mail_per_client_per_hour", "Mail requests per client per hour", "1 to 100,000", true),
            new SettingField("rate_limits.token_guesses_per_client_per_hour", "Token guesses per client per hour", "1 to 100,000", true),
            new SettingField("rate_limits.registrations_per_client_per_hour", "Registrations per client per hour", "1 to 100,000", true));

    private static Map<String, String> values(Tunables t) {
        RateLimits l = t.rateLimits();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("access_token_ttl", t.accessTokenTtl().toString());
        v.put("refresh_token_ttl", t.refreshTokenTtl().toString());
        v.put("refresh_reuse_grace", t.refreshReuseGrace().toString());
        v.put("verification_mode", t.verificationMode().name().toLowerCase(Locale.ROOT));
        v.put("password_min_length", Integer.toString(t.passwordMinLength()));
        v.put("rate_limits.login_max_failures", Integer.toString(l.loginMaxFailures()));
        v.put("rate_limits.lockout", l.lockout().toString());
        v.put("rate_limits.login_per_address_per_minute", Integer.toString(l.loginPerAddressPerMinute()));
        v.put("rate_limits.mail_per_address_per_hour", Integer.toString(l.mailPerAddressPerHour()));
        v.put("rate_limits.mail_per_client_per_hour", Integer.toString(l.mailPerClientPerHour()));
        v.put("rate_limits.token_guesses_per_client_per_hour", Integer.toString(l.tokenGuessesPerClientPerHour()));
        v.put("rate_limits.registrations_per_client_per_hour", Integer.toString(l.registrationsPerClientPerHour()));
        return v;
    }

    /** The form as the API's JSON body: numbers where the text is a whole number, so the API's checks word the errors. */
    private static Map<String, Object> body(Map<String, String> submitted, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> limits = new LinkedHashMap<>();
        for (SettingField f : SETTINGS) {
            String v = submitted.get(f.name());
            Object value = v.isEmpty() ? null : f.number() ? number(v) : v;
            if (f.name().startsWith("rate_limits.")) {
                limits.put(f.name().substring("rate_limits.".length()), value);
            } else {
                body.put(f.name(), value);
            }
        }
        body.put("rate_limits", limits);
        OptionalLong v = parseVersion(version);
        if (v.isPresent()) {
            body.put("version", v.getAsLong());
        }
        return body;
    }

    private static Object number(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static OptionalLong parseVersion(String version) {
        try {
            return version == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(version.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private MutableHttpResponse<String> settingsPage(Ctx ctx, HttpStatus status, Map<String, String> values, OptionalLong version,
                                                     Map<String, List<String>> errors, String alert) {
        return settingsPage(ctx, status, values, version.isPresent() ? version.getAsLong() : -1, errors, alert);
    }

    private MutableHttpResponse<String> settingsPage(Ctx ctx, HttpStatus status, Map<String, String> values, long version,
                                                     Map<String, List<String>> errors, String alert) {
        StringBuilder html = new StringBuilder("<h1>Settings</h1>");
        if (alert != null) {
            html.append("<p class=\"alert\" role=\"alert\">").append(esc(alert)).append("</p>");
        }
        List<String> general = new ArrayList<>(errors.getOrDefault("non_field_errors", List.of()));
        general.addAll(errors.getOrDefault("rate_limits", List.of()));
        general.addAll(errors.getOrDefault("version", List.of()));
        for (String g : general) {
            html.append("<p class=\"field-error\">").append(esc(g)).append("</p>");
        }
        html.append("<p>The runtime settings, shared by every instance. Durations are ISO 8601 (PT5M is 5 minutes, PT720H is 30 days).</p>")
                .append("<form method=\"post\" action=\"/admin/settings\" class=\"card\" novalidate>").append(Html.csrfField(ctx.auth().csrf()));
        if (version >= 0) {
            html.append("<input type=\"hidden\" name=\"version\" value=\"").append(version).append("\">");
        }
        boolean limitsOpened = false;
        for (SettingField f : SETTINGS) {
            if (f.name().startsWith("rate_limits.") && !limitsOpened) {
                html.append("<fieldset><legend>Rate limits</legend>");
                limitsOpened = true;
            }
            String id = f.name().replace('.', '-');
            List<String> fieldErrors = errors.getOrDefault(f.name(), List.of());
            html.append("<label for=\"").append(id).append("\">").append(esc(f.label())).append("</label>");
            if (f.name().equals("verification_mode")) {
                html.append("<select id=\"").append(id).append("\" name=\"").append(esc(f.name())).append("\" aria-describedby=\"")
                        .append(id).append("-hint\"").append(fieldErrors.isEmpty() ? "" : " aria-invalid=\"true\"").append('>');
                for (String mode : List.of("none", "optional", "mandatory")) {
                    html.append("<option").append(mode.equals(values.get(f.name())) ? " selected" : "").append('>').append(mode)
                            .append("</option>");
                }
                html.append("</select>");
            } else {
                html.append("<input type=\"text\" id=\"").append(id).append("\" name=\"").append(esc(f.name())).append("\" value=\"")
                        .append(esc(values.get(f.name()))).append("\" aria-describedby=\"").append(id).append("-hint")
                        .append(fieldErrors.isEmpty() ? "" : " " + id + "-error").append('"')
                        .append(f.number() ? " inputmode=\"numeric\"" : "").append(fieldErrors.isEmpty() ? "" : " aria-invalid=\"true\"")
                        .append('>');
            }
            html.append("<p class=\"hint\" id=\"").append(id).append("-hint\">").append(esc(f.bounds())).append("</p>");
            if (!fieldErrors.isEmpty()) {
                html.append("<p class=\"field-error\" id=\"").append(id).append("-error\">").append(esc(String.join(" ", fieldErrors)))
                        .append("</p>");
            }
        }
        html.append("</fieldset><p><button type=\"submit\">Save settings</button></p></form>");
        return page(ctx, status, "Settings", "settings", html.toString());
    }

    // ---------------------------------------------------------------- keys

    @Get(value = "/keys", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> keys(HttpRequest<?> request) {
        return view(request, ctx -> {
            Instant now = Instant.now();
            StringBuilder html = new StringBuilder("<h1>Signing keys</h1><p>Access tokens are signed with the active key. ")
                    .append("A retired key stays published in the JWKS until every token it signed has expired.</p>")
                    .append(Html.button("/admin/keys/rotate", ctx.auth().csrf(), "Rotate the signing key", "", Map.of()))
                    .append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Key id</th><th scope=\"col\">Algorithm</th>")
                    .append("<th scope=\"col\">State</th><th scope=\"col\">Created</th><th scope=\"col\">Age</th><th scope=\"col\">Retired</th>")
                    .append("</tr></thead><tbody>");
            for (ListSigningKeysUseCase.SigningKeyView k : keys.signingKeys(ctx.admin())) {
                String state = k.state().name().toLowerCase(Locale.ROOT);
                html.append("<tr><td class=\"wrap\">").append(esc(k.kid())).append("</td><td>").append(esc(k.algorithm())).append("</td><td>")
                        .append("<span class=\"badge").append(k.state() == ListSigningKeysUseCase.KeyState.ACTIVE ? " ok" : "").append("\">")
                        .append(state).append("</span></td><td>").append(Html.time(k.createdAt())).append("</td><td>")
                        .append(Html.age(k.createdAt(), now)).append("</td><td>").append(Html.time(k.retiredAt())).append("</td></tr>");
            }
            html.append("</tbody></table></div>");
            return page(ctx, HttpStatus.OK, "Signing keys", "keys", html.toString());
        });
    }

    @Post(value = "/keys/rotate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> rotateKey(HttpRequest<?> request, @Body Map<String, Object> form) {
        return act(request, form, ctx -> {
            rotate.rotateSigningKey(ctx.admin());
            return redirect("/admin/keys?done=rotated");
        });
    }

    // ---------------------------------------------------------------- audit

    @Get(value = "/audit", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> audit(HttpRequest<?> request, @QueryValue @Nullable String user, @QueryValue @Nullable String type,
                                             @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                             @QueryValue @Nullable String page) {
        return view(request, ctx -> {
            int p = AdminParams.page(page);
            Map<String, List<String>> errors = new LinkedHashMap<>();
            UserId userId = null;
            if (user != null && !user.isBlank()) {
                try {
                    userId = AdminParams.userId(user.strip());
                } catch (NotFoundException e) {
                    errors.put("user", List.of("Not a valid user id."));
                }
            }
            AuditEvent.Type eventType = null;
            if (type != null && !type.isBlank()) {
                try {
                    eventType = AuditEvent.Type.valueOf(type.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.put("type", List.of("Unknown event type."));
                }
            }
            Instant since = null;
            Instant until = null;
            try {
                since = AdminParams.instant(from);
            } catch (InvalidValueException e) {
                errors.put("from", List.of(e.getMessage()));
            }
            try {
                // The form's "to" is a day, included: the query stops at the start of the next one.
                Instant day = AdminParams.instant(to);
                until = day == null ? null : to.strip().length() == 10 ? day.plus(java.time.Duration.ofDays(1)) : day;
            } catch (InvalidValueException e) {
                errors.put("to", List.of(e.getMessage()));
            }
            StringBuilder html = new StringBuilder("<h1>Audit log</h1><form class=\"filters\" method=\"get\" action=\"/admin/audit\">")
                    .append("<div><label for=\"user\">User id</label><input type=\"text\" id=\"user\" name=\"user\" value=\"").append(esc(user))
                    .append('"').append(errors.containsKey("user") ? " aria-invalid=\"true\"" : "").append('>');
            errors.getOrDefault("user", List.of()).forEach(m -> html.append("<p class=\"field-error\">").append(esc(m)).append("</p>"));
            html.append("</div><div><label for=\"type\">Type</label><select id=\"type\" name=\"type\"><option value=\"\">any</option>");
            for (AuditEvent.Type t : AuditEvent.Type.values()) {
                String code = t.name().toLowerCase(Locale.ROOT);
                html.append("<option value=\"").append(code).append('"').append(t == eventType ? " selected" : "").append('>').append(code)
                        .append("</option>");
            }
            html.append("</select>");
            errors.getOrDefault("type", List.of()).forEach(m -> html.append("<p class=\"field-error\">").append(esc(m)).append("</p>"));
            html.append("</div>").append(dateField("from", "From (UTC day)", from, errors)).append(dateField("to", "To (UTC day, included)", to, errors))
                    .append("<div><button type=\"submit\">Filter</button></div></form>");
            if (errors.isEmpty()) {
                QueryAuditUseCase.AuditPage found = audit.query(ctx.admin(), userId, eventType, since, until, p - 1, 50);
                html.append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Type</th>")
                        .append("<th scope=\"col\">User</th><th scope=\"col\">Actor</th><th scope=\"col\">Address</th><th scope=\"col\">Detail</th>")
                        .append("</tr></thead><tbody>");
                for (AuditEvent e : found.items()) {
                    html.append("<tr><td>").append(Html.time(e.occurredAt())).append("</td><td>").append(esc(e.type().name().toLowerCase(Locale.ROOT)))
                            .append("</td><td class=\"wrap\">").append(userLink(e.user())).append("</td><td class=\"wrap\">").append(userLink(e.actor()))
                            .append("</td><td>").append(esc(e.ip())).append("</td><td class=\"wrap\">").append(esc(e.detail())).append("</td></tr>");
                }
                if (found.items().isEmpty()) {
                    html.append("<tr><td colspan=\"6\">No event matches.</td></tr>");
                }
                html.append("</tbody></table></div>");
                Map<String, String> query = new LinkedHashMap<>();
                query.put("user", user);
                query.put("type", type);
                query.put("from", from);
                query.put("to", to);
                html.append(Html.pager("/admin/audit", query, p, 50, found.total()));
            }
            return page(ctx, errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "Audit log", "audit", html.toString());
        });
    }

    private static String dateField(String name, String label, String value, Map<String, List<String>> errors) {
        StringBuilder html = new StringBuilder("<div><label for=\"").append(name).append("\">").append(esc(label)).append("</label>")
                .append("<input type=\"date\" id=\"").append(name).append("\" name=\"").append(name).append("\" value=\"").append(esc(value))
                .append('"').append(errors.containsKey(name) ? " aria-invalid=\"true\"" : "").append('>');
        errors.getOrDefault(name, List.of()).forEach(m -> html.append("<p class=\"field-error\">").append(esc(m)).append("</p>"));
        return html.append("</div>").toString();
    }

    private static String userLink(UserId id) {
        return id == null ? "" : "<a href=\"/admin/users/" + esc(id) + "\">" + esc(id.toString().substring(0, 8)) + "…</a>";
    }

    // ---------------------------------------------------------------- outbox

    @Get(value = "/outbox", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> outbox(HttpRequest<?> request, @QueryValue @Nullable String state, @QueryValue @Nullable String page) {
        return view(request, ctx -> {
            int p = AdminParams.page(page);
            ManageMailOutboxUseCase.MailState filter = AdminOperationsController.mailState(state);
            ManageMailOutboxUseCase.MailPage found = outbox.list(ctx.admin(), filter, p - 1, 50);
            StringBuilder html = new StringBuilder("<h1>Mail outbox</h1><form class=\"filters\" method=\"get\" action=\"/admin/outbox\">")
                    .append("<div><label for=\"state\">State</label><select id=\"state\" name=\"state\"><option value=\"\">any</option>");
            for (ManageMailOutboxUseCase.MailState s : ManageMailOutboxUseCase.MailState.values()) {
                String code = s.name().toLowerCase(Locale.ROOT);
                html.append("<option value=\"").append(code).append('"').append(s == filter ? " selected" : "").append('>').append(code)
                        .append("</option>");
            }
            html.append("</select></div><div><button type=\"submit\">Filter</button></div></form>")
                    .append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Kind</th>")
                    .append("<th scope=\"col\">Recipient</th><th scope=\"col\">State</th><th scope=\"col\">Attempts</th>")
                    .append("<th scope=\"col\">Written</th><th scope=\"col\">Next attempt / sent</th><th scope=\"col\">Last error</th>")
                    .append("<th scope=\"col\"><span class=\"skip\">Action</span></th></tr></thead><tbody>");
            for (ManageMailOutboxUseCase.OutboxMail m : found.items()) {
                boolean dead = m.state() == ManageMailOutboxUseCase.MailState.DEAD;
                html.append("<tr><td>").append(m.id()).append("</td><td>")
                        .append(esc(m.template() == null ? "unknown" : m.template().name().toLowerCase(Locale.ROOT))).append("</td><td class=\"wrap\">")
                        .append(esc(m.recipient())).append("</td><td><span class=\"badge").append(dead ? " bad" : "").append("\">")
                        .append(esc(m.state().name().toLowerCase(Locale.ROOT))).append("</span></td><td>").append(m.attempts()).append("</td><td>")
                        .append(Html.time(m.createdAt())).append("</td><td>")
                        .append(m.sentAt() != null ? Html.time(m.sentAt()) : dead ? "—" : Html.time(m.nextAttemptAt())).append("</td><td class=\"wrap\">")
                        .append(esc(m.lastError())).append("</td><td>")
                        .append(dead ? Html.button("/admin/outbox/" + m.id() + "/retry", ctx.auth().csrf(), "Send again", "secondary", Map.of()) : "")
                        .append("</td></tr>");
            }
            if (found.items().isEmpty()) {
                html.append("<tr><td colspan=\"9\">No mail.</td></tr>");
            }
            html.append("</tbody></table></div>").append(Html.pager("/admin/outbox", Map.of("state", state == null ? "" : state), p, 50, found.total()));
            return page(ctx, HttpStatus.OK, "Mail outbox", "outbox", html.toString());
        });
    }

    @Post(value = "/outbox/{id}/retry", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> retryMail(HttpRequest<?> request, @PathVariable String id, @Body Map<String, Object> form) {
        return act(request, form, ctx -> {
            outbox.retry(ctx.admin(), AdminParams.mailId(id));
            return redirect("/admin/outbox?done=retried");
        });
    }

    // ---------------------------------------------------------------- plumbing

    /** A page: signed in as an administrator, or sent to the sign-in form. */
    private MutableHttpResponse<String> view(HttpRequest<?> request, Function<Ctx, MutableHttpResponse<String>> work) {
        return guarded(request, null, work, false);
    }

    /** A form post: signed in, and the CSRF token and the origin check out. */
    private MutableHttpResponse<String> act(HttpRequest<?> request, Map<String, Object> form, Function<Ctx, MutableHttpResponse<String>> work) {
        return guarded(request, form == null ? Map.of() : form, work, true);
    }

    private MutableHttpResponse<String> guarded(HttpRequest<?> request, Map<String, Object> form,
                                                Function<Ctx, MutableHttpResponse<String>> work, boolean post) {
        ConsoleSessions.Resolved auth;
        try {
            auth = sessions.resolve(request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null));
        } catch (StorageUnavailableException e) {
            return unavailable();
        }
        if (!auth.signedIn()) {
            MutableHttpResponse<String> out = redirect(auth.idleExpired() ? "/admin/login?reason=idle" : "/admin/login");
            return request.getCookies().findCookie(COOKIE).isPresent() ? out.header(HttpHeaders.SET_COOKIE, cookie(request, COOKIE, "", true)) : out;
        }
        MutableHttpResponse<String> response;
        Ctx ctx = new Ctx(auth, request, form == null ? Map.of() : form);
        if (post && (!sameOrigin(request) || !ConsoleSessions.sameToken(auth.csrf(), ctx.field("csrf")))) {
            response = page(ctx, HttpStatus.FORBIDDEN, "Form expired", null,
                    "<h1>The form expired</h1><p class=\"alert\" role=\"alert\">This form was opened before the current sign-in, or it came "
                            + "from another site, so nothing was done. Go back, reload the page and try again.</p>");
        } else {
            try {
                response = work.apply(ctx);
            } catch (StorageUnavailableException e) {
                response = unavailable();
            } catch (NotFoundException e) {
                response = page(ctx, HttpStatus.NOT_FOUND, "Not found", null, "<h1>Not found</h1><p>" + esc(e.getMessage()) + "</p>");
            } catch (PermissionDeniedException e) {
                response = page(ctx, HttpStatus.FORBIDDEN, "Not allowed", null, "<h1>Not allowed</h1><p>" + esc(e.getMessage()) + "</p>");
            } catch (InvalidValueException e) {
                response = page(ctx, HttpStatus.BAD_REQUEST, "Refused", null,
                        "<h1>That did not work</h1><p class=\"alert\" role=\"alert\">" + esc(e.getMessage()) + "</p>");
            } catch (GatehouseException e) {
                response = page(ctx, HttpStatus.valueOf(statusOf(e)), "Refused", null,
                        "<h1>That did not work</h1><p class=\"alert\" role=\"alert\">" + esc(message(e)) + "</p>");
            }
        }
        if (auth.newCookie() != null) {
            response.header(HttpHeaders.SET_COOKIE, cookie(request, COOKIE, auth.newCookie(), false));
        }
        return response;
    }

    private static int statusOf(GatehouseException e) {
        return e instanceof ValidationFailedException ? 400 : e instanceof dev.gatehouse.application.error.RateLimitedException ? 429 : 409;
    }

    private static String message(GatehouseException e) {
        if (e instanceof ValidationFailedException v) {
            return String.join(" ", v.errors().values().stream().flatMap(List::stream).toList());
        }
        return e.getMessage();
    }

    /** The browser's Origin, when it sends one, names this very host (the Host the request was sent to). */
    static boolean sameOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (origin == null) {
            String site = request.getHeaders().get("Sec-Fetch-Site");
            return site == null || site.equals("same-origin") || site.equals("none");
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Secure unless the console is reached on localhost (http://localhost works in development). */
    static String cookie(HttpRequest<?> request, String name, String value, boolean clear) {
        String host = Optional.ofNullable(request.getHeaders().get(HttpHeaders.HOST)).orElse("").toLowerCase(Locale.ROOT);
        String hostname = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.split(":", 2)[0];
        boolean local = hostname.equals("localhost") || hostname.equals("127.0.0.1") || hostname.equals("[::1]");
        return name + "=" + value + "; Path=/admin; HttpOnly; SameSite=Strict" + (local ? "" : "; Secure") + (clear ? "; Max-Age=0" : "");
    }

    private MutableHttpResponse<String> loginPage(HttpRequest<?> request, HttpStatus status, String error, String notice, String identifier) {
        String csrf = sessions.randomToken();
        StringBuilder html = new StringBuilder("<div class=\"login card\"><h1>Gatehouse admin console</h1>");
        if (notice != null) {
            html.append("<p class=\"notice\" role=\"status\">").append(esc(notice)).append("</p>");
        }
        if (error != null) {
            html.append("<p class=\"alert\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        html.append("<form method=\"post\" action=\"/admin/login\">").append(Html.csrfField(csrf))
                .append("<label for=\"identifier\">Email address or username</label>")
                .append("<input type=\"text\" id=\"identifier\" name=\"identifier\" autocomplete=\"username\" required autofocus value=\"")
                .append(esc(identifier)).append("\">")
                .append("<label for=\"password\">Password</label>")
                .append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>")
                .append("<p><button type=\"submit\">Sign in</button></p></form><p class=\"hint\">For administrators only.</p></div>");
        return html(status, document("Sign in", null, null, null, html.toString()))
                .header(HttpHeaders.SET_COOKIE, cookie(request, LOGIN_COOKIE, csrf, false));
    }

    private MutableHttpResponse<String> page(Ctx ctx, HttpStatus status, String title, String active, String content) {
        String done = ctx.request().getParameters().get("done");
        String notice = done == null ? null : DONE.get(done);
        String body = notice == null ? content : "<p class=\"notice\" role=\"status\">" + esc(notice) + "</p>" + content;
        return html(status, document(title, active, ctx.admin(), ctx.auth().csrf(), body));
    }

    private static final List<String[]> NAV = List.of(new String[] {"dashboard", "/admin/", "Dashboard"},
            new String[] {"users", "/admin/users", "Users"}, new String[] {"settings", "/admin/settings", "Settings"},
            new String[] {"keys", "/admin/keys", "Signing keys"}, new String[] {"audit", "/admin/audit", "Audit log"},
            new String[] {"outbox", "/admin/outbox", "Mail outbox"});

    private static String document(String title, String active, Principal admin, String csrf, String content) {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                // The service's header says no-referrer, under which a browser sends "Origin: null" with a form post;
                // same-origin keeps the Origin check possible and still tells other sites nothing.
                .append("<meta name=\"referrer\" content=\"same-origin\">")
                .append("<title>").append(esc(title)).append(" · Gatehouse admin</title>")
                .append("<link rel=\"stylesheet\" href=\"/admin/console.css\"></head><body>")
                .append("<a class=\"skip\" href=\"#main\">Skip to content</a>");
        if (admin != null) {
            html.append("<header><span class=\"brand\">Gatehouse admin</span><nav aria-label=\"Console\">");
            for (String[] item : NAV) {
                html.append("<a href=\"").append(item[1]).append('"').append(item[0].equals(active) ? " aria-current=\"page\"" : "")
                        .append('>').append(item[2]).append("</a>");
            }
            html.append("</nav><form method=\"post\" action=\"/admin/logout\" class=\"inline\">").append(Html.csrfField(csrf))
                    .append("<span class=\"who\">").append(esc(admin.user().email().value())).append("</span>")
                    .append("<button type=\"submit\">Sign out</button></form></header>");
        }
        return html.append("<main id=\"main\">").append(content).append("</main></body></html>\n").toString();
    }

    private static MutableHttpResponse<String> html(HttpStatus status, String html) {
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8").body(html)
                .header(dev.gatehouse.adapter.in.rest.SecurityHeadersFilter.CSP_HEADER_NAME, CSP)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static MutableHttpResponse<String> unavailable() {
        return html(HttpStatus.SERVICE_UNAVAILABLE, document("Unavailable", null, null, null,
                "<div class=\"login card\"><h1>The database is unavailable</h1><p class=\"alert\" role=\"alert\">Gatehouse cannot reach "
                        + "its database right now, so the console cannot show or change anything. Nothing was changed. The service "
                        + "reconnects by itself: reload this page in a moment.</p></div>")).header("Retry-After", "5");
    }

    private static MutableHttpResponse<String> redirect(String location) {
        return HttpResponse.<String>seeOther(URI.create(location)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static String field(Map<String, Object> form, String name) {
        Object value = form == null ? null : form.get(name);
        if (value instanceof List<?> list) {
            value = list.size() == 1 ? list.getFirst() : null; // a repeated field is not a value
        }
        return value instanceof String s ? s : null;
    }

    private static String readCss() {
        try (InputStream in = ConsoleController.class.getResourceAsStream("/gatehouse/console/console.css")) {
            if (in == null) {
                throw new IllegalStateException("gatehouse/console/console.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
