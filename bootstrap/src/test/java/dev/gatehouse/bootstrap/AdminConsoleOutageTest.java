package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database gone under a signed-in console: a page that says so, never a stack trace; back when it is. */
class AdminConsoleOutageTest {

    @Test
    void aCutDatabaseShowsAClearPage() throws Exception {
        try (TcpProxy proxy = new TcpProxy(StandaloneServer.databaseHost(), StandaloneServer.databasePort());
             StandaloneServer gatehouse = new StandaloneServer(Map.of(
                     "datasources.default.url", StandaloneServer.databaseUrlVia("127.0.0.1", proxy.port()),
                     "datasources.default.connection-timeout", "2000",
                     "datasources.default.validation-timeout", "1000"))) {
            String email = "admin-" + HttpTest.uniqueEmail();
            gatehouse.createAdmin(email);
            ConsoleBrowser browser = new ConsoleBrowser(gatehouse.port());
            assertEquals(303, browser.signIn(email, HttpTest.PASSWORD).status());
            assertEquals(200, browser.get("/admin/users").status());

            proxy.cut();
            for (String path : new String[] {"/admin/users", "/admin/settings", "/admin/"}) {
                ConsoleBrowser.Page down = browser.get(path);
                assertEquals(503, down.status(), path + ": " + down.body());
                assertTrue(down.body().contains("The database is unavailable"), down.body());
                assertFalse(down.body().contains("Exception") || down.body().contains("at dev."), down.body());
                assertTrue(down.headers().firstValue("retry-after").isPresent());
            }
            ConsoleBrowser fresh = new ConsoleBrowser(gatehouse.port());
            ConsoleBrowser.Page login = fresh.signIn(email, HttpTest.PASSWORD);
            assertEquals(503, login.status(), login.body());
            assertTrue(login.body().contains("The database is unavailable"));

            proxy.restore();
            int status = 0;
            for (int i = 0; i < 80 && status != 200; i++) {
                status = browser.get("/admin/users").status();
                if (status != 200) {
                    Thread.sleep(250);
                }
            }
            assertEquals(200, status, "back without signing in again");
        }
    }
}
