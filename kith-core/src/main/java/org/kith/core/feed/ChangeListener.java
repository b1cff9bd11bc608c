package org.kith.core.feed;

/**
 * Told of every committed mutation, after the commit and never before. Called on the writer's
 * thread: implementations must return quickly (hand the notice to their own executor).
 */
@FunctionalInterface
public interface ChangeListener {
    void committed(ChangeNotice notice);
}
