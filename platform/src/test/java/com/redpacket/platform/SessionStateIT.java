package com.redpacket.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction costs the database its own statements plus begin and end, nothing more: on the services' pool settings
 * (one connection of it, so its session counters can be read) neither the relay's READ COMMITTED transaction nor a
 * default one asks the server for its isolation level or switches it, and autocommit is set only to begin and end.
 */
class SessionStateIT extends AbstractPlatformIT {
    @Autowired
    DataSource dataSource;

    @Test
    void aTransactionSendsOnlyItsStatementsAndTheAutocommitSwitches() throws SQLException {
        HikariConfig config = new HikariConfig();
        dataSource.unwrap(HikariDataSource.class).copyStateTo(config);
        config.setPoolName("session-state-it");
        config.setMetricsTrackerFactory(null);
        config.setMaximumPoolSize(1);
        try (HikariDataSource one = new HikariDataSource(config)) {
            JdbcClient jdbc = JdbcClient.create(one);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(one);
            TransactionTemplate relayLike = new TransactionTemplate(transactions);
            relayLike.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
            TransactionTemplate plain = new TransactionTemplate(transactions);
            Runnable twoTransactions = () -> {
                relayLike.execute(s -> jdbc.sql("SELECT 1").query(Integer.class).single());
                plain.execute(s -> jdbc.sql("SELECT 2").query(Integer.class).single());
            };
            twoTransactions.run();

            long setsBefore = counter(jdbc, "Com_set_option");
            long selectsBefore = counter(jdbc, "Com_select");
            twoTransactions.run();
            long sets = counter(jdbc, "Com_set_option") - setsBefore;
            long selects = counter(jdbc, "Com_select") - selectsBefore;

            assertThat(selects).as("the two SELECTs, no isolation lookups").isEqualTo(2);
            assertThat(sets).as("autocommit off and on per transaction, no isolation switches").isEqualTo(4);
            assertThat(jdbc.sql("SELECT @@session.tx_isolation").query(String.class).single())
                    .isEqualTo("READ-COMMITTED");
        }
    }

    private static long counter(JdbcClient jdbc, String name) {
        return jdbc.sql("SHOW SESSION STATUS LIKE '" + name + "'").query((rs, i) -> rs.getLong(2)).single();
    }
}
