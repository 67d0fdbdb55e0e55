package com.redpacket.platform.inbox;

import com.redpacket.contracts.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What happens to an event a consumer cannot process. An outage (database unreachable, deadlock, lock timeout) is
 * retried without end, holding the partition, because the event is fine and dropping it would lose money. Anything
 * else is a poison message: retried twice, then published to {@code <topic>.DLT} with the error in its headers,
 * logged at ERROR and counted ({@code redpacket.events.dead.letter}), so ops see it; never silently dropped.
 */
public final class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, MeterRegistry meters) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            log.error("dead-lettering {}-{}@{} key={}: {}", record.topic(), record.partition(), record.offset(),
                    record.key(), e.toString(), e);
            if (meters != null) {
                Counter.builder("redpacket.events.dead.letter").tag("topic", record.topic())
                        .description("events that could not be processed and went to the dead-letter topic")
                        .register(meters).increment();
            }
            publisher.accept(record, e);
        }, new FixedBackOff(200, 2));
        handler.setBackOffFunction((ConsumerRecord<?, ?> record, Exception e) -> isOutage(e) ? outageBackOff() : null);
        return handler;
    }

    private static BackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        return backOff;
    }

    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof NonTransientDataAccessResourceException || t instanceof java.sql.SQLTransientException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
