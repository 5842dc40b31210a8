package vn.paknhub.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.devstack.DevIdentityProvider;

/** What the console's browser journeys share: the running hub, its demo officers, its database, one browser. */
abstract class ConsoleJourneys {

    static ConsoleBrowser console;

    @LocalServerPort
    int port;
    @Autowired
    DevIdentityProvider.Officers officers;
    @Autowired
    JdbcTemplate db;

    @BeforeEach
    void openBrowser() {
        if (console == null) {
            console = new ConsoleBrowser(port, officers);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (console != null) {
            console.close();
            console = null;
        }
    }
}
