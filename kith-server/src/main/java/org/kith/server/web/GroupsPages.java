package org.kith.server.web;

import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;
import static org.kith.server.web.Tags.id;

import java.util.List;

import org.kith.core.Kith;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;
import org.kith.core.error.KithException;
import org.kith.core.view.GroupView;
import org.kith.server.http.Route;

/** The list of my groups and the form to create one. */
final class GroupsPages {
    private final Kith kith;

    GroupsPages(Kith kith) {
        this.kith = kith;
    }

    List<Route> routes() {
        return List.of(
                WebRoute.page("/web/groups", ex -> render(ex, "", "", "", FieldErrors.none(), 200)),
                WebRoute.action("/web/groups", this::create));
    }

    private void create(Visit ex) {
        var f = ex.form();
        try {
            Integer limit = parseLimit(f.get("memberLimit"), "memberLimit");
            GroupView g = kith.groups().create(ex.me(), f.get("name"), f.get("description"), limit);
            ex.http().redirect("/web/groups/" + g.group().id());
        } catch (KithException e) {
            render(ex, f.get("name"), f.get("description"), f.get("memberLimit"), FieldErrors.of(ex, e), 422);
        }
    }

    /** A whole number typed in a form, or null when left empty. */
    static Integer parseLimit(String text, String field) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            throw Invalid.value(ErrorCode.NOT_A_NUMBER, field, field + " must be a whole number, not '" + t + "'")
                    .with("value", t);
        }
    }

    private void render(Visit ex, String name, String description, String limit, FieldErrors errors,
                        int status) {
        List<GroupView> groups = kith.groups().list(ex.me());
        ex.html(status, Layout.page(ex, ex.t("groups.title"),
                groups.isEmpty() ? el("p", cls("hint"), ex.t("groups.none"))
                        : el("ul", cls("groups"), groups.stream().map(g -> el("li",
                                el("a", attr("href", "/web/groups/" + g.group().id()), g.group().name()), " ",
                                el("span", cls("meta"), ex.t("groups.count", g.memberCount(), g.group().memberLimit()),
                                        g.myRole() == org.kith.core.model.Role.OWNER ? " · " + ex.t("role.owner") : "")))
                                .toList()),
                el("section", attr("aria-labelledby", "create-h"),
                        el("h2", id("create-h"), ex.t("groups.create")),
                        FormKit.summary(errors),
                        FormKit.post(ex, "/web/groups",
                                FormKit.input("group-name", "name", ex.t("field.groupName"), "text", name,
                                        errors.get("name"), attr("required", ""), attr("maxlength", "100")),
                                FormKit.textarea("group-description", "description", ex.t("field.description"),
                                        description, errors.get("description")),
                                FormKit.input("group-limit", "memberLimit", ex.t("field.memberLimit"), "number", limit,
                                        errors.get("memberLimit"), attr("min", "1"),
                                        attr("placeholder", String.valueOf(kith.limits().defaultMemberLimit()))),
                                FormKit.submit(ex.t("groups.create.submit"))))));
    }
}
