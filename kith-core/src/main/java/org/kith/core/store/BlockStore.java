package org.kith.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.kith.core.model.Block;

/** Who hides their card from whom. Confined to its transaction's thread. */
public interface BlockStore {

    /** False (and nothing written) if the block already existed. */
    boolean insert(long blockerId, long blockedId, Instant now);

    /** False if there was no such block. */
    boolean delete(long blockerId, long blockedId);

    /** The blocks {@code blockerId} set, oldest first. */
    List<Block> blocksBy(long blockerId);

    /** Everyone who blocks {@code viewerId}. */
    Set<Long> blockersOf(long viewerId);
}
