package org.kith.store;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kith.core.model.Block;
import org.kith.core.store.BlockStore;

/** Who hides their card from whom. */
final class BlockRows implements BlockStore {
    private final Sql sql;

    BlockRows(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean insert(long blockerId, long blockedId, Instant now) {
        return sql.insertIfAbsent("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)", blockerId,
                blockedId, now);
    }

    @Override
    public boolean delete(long blockerId, long blockedId) {
        return sql.update("DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?", blockerId, blockedId) > 0;
    }

    @Override
    public List<Block> blocksBy(long blockerId) {
        return sql.list("SELECT blocker_id, blocked_id, created_at FROM blocks WHERE blocker_id = ? "
                + "ORDER BY created_at, blocked_id",
                rs -> new Block(rs.getLong(1), rs.getLong(2), Sql.instant(rs, "created_at")), blockerId);
    }

    @Override
    public Set<Long> blockersOf(long viewerId) {
        return new LinkedHashSet<>(sql.list("SELECT blocker_id FROM blocks WHERE blocked_id = ? ORDER BY blocker_id",
                rs -> rs.getLong(1), viewerId));
    }
}
