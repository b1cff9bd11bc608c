package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.List;

import org.kith.core.Kith;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** {@code /blocks}: the people I hide my card from. Only I see this list. */
final class BlocksApi implements Resource {
    private final Kith kith;

    BlocksApi(Kith kith) {
        this.kith = kith;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                auth("GET", "/api/v1/blocks", "The people I hide my card from", this::list).returns(200, "Block[]"),
                auth("PUT", "/api/v1/blocks/{username}", "Hide my card from someone I share a group with (idempotent)",
                        this::block).returns(204, null),
                auth("DELETE", "/api/v1/blocks/{username}", "Stop hiding my card from someone", this::unblock)
                        .returns(204, null));
    }

    private void list(Exchange ex) {
        ex.json(200, kith.blocks().list(ex.account()).stream().map(Views::block).toList());
    }

    private void block(Exchange ex) {
        kith.blocks().block(ex.account(), ex.var("username"));
        ex.noContent();
    }

    private void unblock(Exchange ex) {
        kith.blocks().unblock(ex.account(), ex.var("username"));
        ex.noContent();
    }
}
