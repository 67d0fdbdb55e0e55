package com.redpacket.user.group;

import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Repository
public class GroupRepository {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public GroupRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public void insert(Group group, Collection<Long> members) {
        String now = SqlTime.literal(Instant.now());
        jdbc.sql("""
                        INSERT INTO chat_group (id, name, owner_id, member_count, created_at)
                        VALUES (:id, :name, :owner, :count, :now)""")
                .param("id", group.id())
                .param("name", group.name())
                .param("owner", group.ownerId())
                .param("count", members.size())
                .param("now", now)
                .update();
        batch.batchUpdate("INSERT INTO group_member (group_id, user_id, joined_at) VALUES (?, ?, ?)",
                members.stream().map(userId -> new Object[]{group.id(), userId, now}).toList());
    }

    public Optional<Group> find(long groupId) {
        return jdbc.sql("SELECT id, name, owner_id, member_count FROM chat_group WHERE id = :id")
                .param("id", groupId)
                .query(Group.class)
                .optional();
    }

    public boolean isMember(long groupId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM group_member WHERE group_id = :g AND user_id = :u")
                .param("g", groupId)
                .param("u", userId)
                .query(Integer.class)
                .single() > 0;
    }

    /** Members in the order they joined. */
    public List<Long> members(long groupId) {
        return jdbc.sql("SELECT user_id FROM group_member WHERE group_id = :g ORDER BY joined_at, user_id")
                .param("g", groupId)
                .query(Long.class)
                .list();
    }

    /** Adds the member unless already there; false if they were. */
    public boolean addMember(long groupId, long userId) {
        return jdbc.sql("INSERT IGNORE INTO group_member (group_id, user_id, joined_at) VALUES (:g, :u, :now)")
                .param("g", groupId)
                .param("u", userId)
                .param("now", SqlTime.literal(Instant.now()))
                .update() == 1;
    }

    /** Counts one more member if the group has room; false if it is full. The row lock serialises concurrent joins. */
    public boolean takeSeat(long groupId, int maxSize) {
        return jdbc.sql("UPDATE chat_group SET member_count = member_count + 1 WHERE id = :g AND member_count < :max")
                .param("g", groupId)
                .param("max", maxSize)
                .update() == 1;
    }
}
