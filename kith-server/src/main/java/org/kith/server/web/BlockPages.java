package org.kith.server.web;

import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;

import java.util.List;

import org.kith.core.Kith;
import org.kith.core.view.BlockView;
import org.kith.server.http.Route;

/**
 * "Hide my card from this person" and its undo. Only I see whom I hide from; the person hidden
 * from simply no longer has my card, anywhere.
 */
final class BlockPages {
    private final Kith kith;

    BlockPages(Kith kith) {
        this.kith = kith;
    }

    List<Route> routes() {
        return List.of(
                WebRoute.page("/web/blocks", this::show),
                WebRoute.action("/web/blocks", ex -> {
                    kith.blocks().block(ex.me(), ex.form().get("username"));
                    back(ex, "blocked");
                }),
                WebRoute.action("/web/blocks/unblock", ex -> {
                    kith.blocks().unblock(ex.me(), ex.form().get("username"));
                    back(ex, "unblocked");
                }));
    }

    private static void back(Visit ex, String done) {
        String back = Redirects.safe(ex.form().get("back"), "/web/blocks");
        ex.http().redirect(back + (back.contains("?") ? "&" : "?") + "done=" + done);
    }

    private void show(Visit ex) {
        List<BlockView> blocks = kith.blocks().list(ex.me());
        String done = ex.http().query("done", "");
        ex.html(200, Layout.page(ex, ex.t("blocks.title"),
                done.equals("unblocked") || done.equals("blocked")
                        ? el("p", cls("notice"), Tags.attr("role", "status"), ex.t("group.done." + done)) : null,
                el("p", cls("hint"), ex.t("blocks.hint")),
                blocks.isEmpty() ? el("p", ex.t("blocks.none"))
                        : el("ul", cls("blocks"), blocks.stream().map(b -> el("li", Tags.attr("data-username", b.username()),
                                el("span", cls("name"), b.displayName()), " ", el("span", cls("meta"), "@" + b.username()
                                        + " · " + ex.t("blocks.since", Dates.format(b.createdAt()))),
                                FormKit.button(ex, "/web/blocks/unblock", ex.t("block.unblock", b.displayName()), "link",
                                        FormKit.hidden("username", b.username()), FormKit.hidden("back", "/web/blocks"))))
                                .toList())));
    }
}
