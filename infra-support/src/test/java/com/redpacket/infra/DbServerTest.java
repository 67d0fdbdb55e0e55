package com.redpacket.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbServerTest {

    @Test
    void baseUrlAlwaysEndsWithASlashAndNamesItsAddress() {
        DbServer server = new DbServer("jdbc:mysql://10.1.2.3:3307", "root", "");
        assertThat(server.baseUrl()).isEqualTo("jdbc:mysql://10.1.2.3:3307/");
        assertThat(server.address()).isEqualTo(new HostPort("10.1.2.3", 3307));
        assertThat(DbServer.at(new HostPort("::1", 3306), "root", "").baseUrl()).isEqualTo("jdbc:mysql://[::1]:3306/");
    }

    @Test
    void onlyMysqlUrls() {
        assertThatThrownBy(() -> new DbServer("jdbc:postgresql://localhost/", "root", ""))
                .hasMessageContaining("not a jdbc:mysql:// URL");
    }

    @Test
    void aClosedPortIsAbsentNotForeign() throws Exception {
        DbServer nowhere = DbServer.at(new HostPort("127.0.0.1", TestInfra.freePort()), "root", "");
        assertThat(nowhere.presence().state()).isEqualTo(Presence.State.ABSENT);
    }
}
