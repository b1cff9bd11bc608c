package org.kith.server.web;

import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;
import static org.kith.server.web.Tags.id;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kith.core.Kith;
import org.kith.core.Precondition;
import org.kith.core.card.CardData;
import org.kith.core.card.Images;
import org.kith.core.card.PhoneNumbers;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;
import org.kith.core.error.KithException;
import org.kith.core.error.PreconditionFailed;
import org.kith.core.view.OwnCard;
import org.kith.server.http.Json;
import org.kith.server.http.Route;

/** "My card": the form for one's own card, the photo upload, and the as-you-type phone check. */
final class CardPages {
    private static final List<String> TEL_TYPES = List.of("cell", "home", "work", "voice", "fax", "pager", "other");
    private static final List<String> PLACE_TYPES = List.of("home", "work", "other");

    private final Kith kith;

    CardPages(Kith kith) {
        this.kith = kith;
    }

    List<Route> routes() {
        return List.of(
                WebRoute.page("/web/card", this::show),
                WebRoute.action("/web/card", this::save),
                WebRoute.action("/web/card/photo", this::uploadPhoto),
                WebRoute.action("/web/card/photo/delete", this::deletePhoto),
                WebRoute.page("/web/card/photo", this::photo),
                WebRoute.page("/web/card/check-phone", this::checkPhone));
    }

    private void show(Visit ex) {
        OwnCard card = kith.cards().myCard(ex.me());
        render(ex, card, card.data(), card.etag(), FieldErrors.none(), 200,
                ex.http().query("saved", "").isEmpty() ? null : ex.t("card.saved"));
    }

    private void save(Visit ex) {
        OwnCard current = kith.cards().myCard(ex.me());
        CardData submitted = fromForm(ex.form(), current.data());
        String etag = ex.form().get("etag");
        try {
            // the form carries the ETag the page showed: saving over a change made elsewhere is a conflict
            kith.cards().update(ex.me(), submitted, etag.isEmpty() ? Precondition.none() : Precondition.matching(etag));
            String next = Redirects.safe(ex.form().get("next"), null);
            ex.http().redirect(next != null ? next : "/web/card?saved=1");
        } catch (PreconditionFailed e) {
            // Changed on another device meanwhile: keep what was typed, offer to save over it.
            FieldErrors errors = FieldErrors.none();
            errors.add(null, ex.t("card.changedElsewhere"));
            render(ex, current, submitted, current.etag(), errors, 409, null);
        } catch (KithException e) {
            render(ex, current, submitted, etag, FieldErrors.of(ex, e), 422, null);
        }
    }

    private void uploadPhoto(Visit ex) {
        OwnCard current = kith.cards().myCard(ex.me());
        Form.Upload upload = ex.form().file("photo");
        try {
            if (upload == null || upload.bytes().length == 0) {
                throw Invalid.value(ErrorCode.PICTURE_REQUIRED, "photo", "choose a picture to upload");
            }
            String photo = Photos.toCardPhoto(upload.bytes(), kith.limits().maxPhotoBytes());
            CardData d = current.data();
            kith.cards().update(ex.me(), new CardData(d.fn(), d.n(), d.tel(), d.email(), d.org(), d.title(), d.adr(),
                    d.note(), photo), Precondition.none());
            String next = Redirects.safe(ex.form().get("next"), null);
            ex.http().redirect("/web/card?saved=1" + (next == null ? "" : "&next=" + AuthPages.enc(next)));
        } catch (KithException e) {
            render(ex, current, current.data(), current.etag(), FieldErrors.of(ex, e), 422, null);
        }
    }

    private void deletePhoto(Visit ex) {
        CardData d = kith.cards().myCard(ex.me()).data();
        kith.cards().update(ex.me(), new CardData(d.fn(), d.n(), d.tel(), d.email(), d.org(), d.title(), d.adr(),
                d.note(), null), Precondition.none());
        ex.http().redirect("/web/card?saved=1");
    }

    private void photo(Visit ex) {
        sendPhoto(ex, kith.cards().myCard(ex.me()).data().photo());
    }

    /** Sends a card's photo as the image it is (recognised by its bytes), or 404. */
    static void sendPhoto(Visit ex, String dataUri) {
        Photos.Decoded photo = Photos.decode(dataUri);
        var type = photo == null ? null : Images.sniff(photo.bytes());
        if (type == null) {
            ex.http().send(404, "text/plain; charset=utf-8", "no photo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        ex.http().send(200, type.getMediaType(), photo.bytes());
    }

    private void checkPhone(Visit ex) {
        String value = ex.http().query("value", "").strip();
        Map<String, Object> answer = new LinkedHashMap<>();
        if (value.isEmpty()) {
            answer.put("ok", true);
        } else {
            String region = ex.account().region();
            var e164 = value.length() > 64 ? java.util.Optional.<String>empty() : PhoneNumbers.toE164(value, region);
            answer.put("ok", e164.isPresent());
            answer.put("e164", e164.orElse(null));
            answer.put("message", e164.isPresent() ? ex.t("card.phone.ok", e164.get())
                    : ex.t("card.phone.bad", region));
        }
        ex.http().json(200, answer);
    }

    /** The card as the form submitted it; N and photo are kept from the stored card (edited elsewhere). */
    static CardData fromForm(Form f, CardData current) {
        List<CardData.Tel> tels = new ArrayList<>();
        List<String> telTypes = f.all("tel.type");
        List<String> telValues = f.all("tel.value");
        for (int i = 0; i < telValues.size(); i++) {
            if (!telValues.get(i).isBlank()) {
                tels.add(new CardData.Tel(at(telTypes, i, "cell"), telValues.get(i).strip()));
            }
        }
        List<CardData.Email> emails = new ArrayList<>();
        List<String> emailTypes = f.all("email.type");
        List<String> emailValues = f.all("email.value");
        for (int i = 0; i < emailValues.size(); i++) {
            if (!emailValues.get(i).isBlank()) {
                emails.add(new CardData.Email(at(emailTypes, i, "home"), emailValues.get(i).strip()));
            }
        }
        List<CardData.Adr> adrs = new ArrayList<>();
        List<String> streets = f.all("adr.street");
        for (int i = 0; i < streets.size(); i++) {
            CardData.Adr a = new CardData.Adr(at(f.all("adr.type"), i, "home"), "", "", streets.get(i),
                    at(f.all("adr.locality"), i, ""), at(f.all("adr.region"), i, ""),
                    at(f.all("adr.postalCode"), i, ""), at(f.all("adr.country"), i, ""));
            if (!(a.street() + a.locality() + a.region() + a.postalCode() + a.country()).isBlank()) {
                adrs.add(a);
            }
        }
        String photo = current.photo() != null && current.photo().startsWith("data:") ? current.photo() : null;
        return new CardData(f.get("fn"), current.n(), tels, emails, f.get("org"), f.get("title"), adrs,
                f.get("note"), photo);
    }

    private static String at(List<String> values, int i, String fallback) {
        return i < values.size() ? values.get(i) : fallback;
    }

    private void render(Visit ex, OwnCard stored, CardData d, String etag, FieldErrors errors, int status,
                        String notice) {
        boolean welcome = !ex.http().query("welcome", "").isEmpty();
        String next = Redirects.safe(ex.form().get("next").isEmpty() ? ex.http().query("next", "") : ex.form().get("next"), null);
        ex.html(status, Layout.page(ex, ex.t("card.title"),
                welcome ? el("p", cls("welcome"), ex.t("card.welcome")) : null,
                notice == null ? null : el("p", cls("notice"), attr("role", "status"), notice),
                FormKit.summary(errors),
                photoSection(ex, stored, errors, next),
                FormKit.post(ex, "/web/card", attr("id", "card-form"), attr("novalidate", ""),
                        FormKit.hidden("etag", etag), next == null ? null : FormKit.hidden("next", next),
                        FormKit.input("fn", "fn", ex.t("field.fn"), "text", d.fn(), errors.get("fn"),
                                attr("required", ""), attr("autocomplete", "name")),
                        el("fieldset", el("legend", ex.t("card.phones")),
                                rows(d.tel().size(), i -> telRow(ex, i, d.tel().get(i), errors),
                                        i -> telRow(ex, i, new CardData.Tel("cell", ""), errors)),
                                addButton(ex, "card.phone.add")),
                        el("fieldset", el("legend", ex.t("card.emails")),
                                rows(d.email().size(), i -> emailRow(ex, i, d.email().get(i), errors),
                                        i -> emailRow(ex, i, new CardData.Email("home", ""), errors)),
                                addButton(ex, "card.email.add")),
                        FormKit.input("org", "org", ex.t("field.org"), "text", d.org(), errors.get("org"),
                                attr("autocomplete", "organization")),
                        FormKit.input("title", "title", ex.t("field.title"), "text", d.title(), errors.get("title"),
                                attr("autocomplete", "organization-title")),
                        el("fieldset", el("legend", ex.t("card.addresses")),
                                rows(d.adr().size(), i -> adrRow(ex, i, d.adr().get(i), errors),
                                        i -> adrRow(ex, i, new CardData.Adr("home", "", "", "", "", "", "", ""), errors)),
                                addButton(ex, "card.address.add")),
                        FormKit.textarea("note", "note", ex.t("field.note"), d.note(), errors.get("note")),
                        el("div", cls("actions"), FormKit.submit(ex.t(next == null ? "card.save" : "card.saveContinue")),
                                next == null ? null : el("a", attr("href", next), ex.t("card.skip"))))));
    }

    /** The filled rows, then one blank row to add to (the "add" button copies it). */
    private static List<Html> rows(int filled, java.util.function.IntFunction<Html> row,
                                   java.util.function.IntFunction<Html> blank) {
        List<Html> out = new ArrayList<>();
        for (int i = 0; i < filled; i++) {
            out.add(row.apply(i));
        }
        out.add(blank.apply(filled));
        return out;
    }

    private static Html addButton(Visit ex, String key) {
        return el("button", attr("type", "button"), cls("add-row"), attr("hidden", ""), ex.t(key));
    }

    private static Html telRow(Visit ex, int i, CardData.Tel tel, FieldErrors errors) {
        String error = errors.get("tel[" + i + "].value");
        return el("div", cls("row"), attr("data-row", "tel"),
                FormKit.select("tel-type-" + i, "tel.type", ex.t("field.type"), options(ex, TEL_TYPES), tel.type()),
                FormKit.input("tel-value-" + i, "tel.value", ex.t("field.tel"), "tel", tel.value(), error,
                        attr("data-phone", ""), attr("autocomplete", i == 0 ? "tel" : null),
                        attr("aria-describedby", error == null ? "tel-check-" + i : null)),
                el("p", id("tel-check-" + i), cls("hint phone-check"), attr("aria-live", "polite"),
                        tel.e164() != null && error == null ? ex.t("card.phone.ok", tel.e164()) : ""));
    }

    private static Html emailRow(Visit ex, int i, CardData.Email email, FieldErrors errors) {
        return el("div", cls("row"), attr("data-row", "email"),
                FormKit.select("email-type-" + i, "email.type", ex.t("field.type"), options(ex, PLACE_TYPES),
                        email.type()),
                FormKit.input("email-value-" + i, "email.value", ex.t("field.email"), "email", email.value(),
                        errors.get("email[" + i + "].value"), attr("autocomplete", i == 0 ? "email" : null)));
    }

    private static Html adrRow(Visit ex, int i, CardData.Adr adr, FieldErrors errors) {
        String error = errors.get("adr[" + i + "]");
        return el("div", cls("row address"), attr("data-row", "adr"),
                FormKit.select("adr-type-" + i, "adr.type", ex.t("field.type"), options(ex, PLACE_TYPES), adr.type()),
                FormKit.input("adr-street-" + i, "adr.street", ex.t("field.street"), "text", adr.street(), error),
                FormKit.input("adr-locality-" + i, "adr.locality", ex.t("field.locality"), "text", adr.locality(), null),
                FormKit.input("adr-region-" + i, "adr.region", ex.t("field.adrRegion"), "text", adr.region(), null),
                FormKit.input("adr-postal-" + i, "adr.postalCode", ex.t("field.postalCode"), "text", adr.postalCode(),
                        null),
                FormKit.input("adr-country-" + i, "adr.country", ex.t("field.country"), "text", adr.country(), null));
    }

    private static List<FormKit.Option> options(Visit ex, List<String> types) {
        return types.stream().map(t -> new FormKit.Option(t, ex.t("type." + t))).toList();
    }

    private Html photoSection(Visit ex, OwnCard stored, FieldErrors errors, String next) {
        boolean has = Photos.decode(stored.data().photo()) != null;
        String error = errors.get("photo");
        return el("section", cls("photo"), attr("aria-labelledby", "photo-h"),
                el("h2", id("photo-h"), ex.t("card.photo")),
                has ? el("img", cls("avatar big"), attr("src", "/web/card/photo?v=" + stored.etag().replace("\"", "")),
                        attr("alt", ex.t("card.photo.alt"))) : el("p", cls("hint"), ex.t("card.photo.none")),
                el("form", attr("method", "post"), attr("action", "/web/card/photo"),
                        attr("enctype", "multipart/form-data"), FormKit.csrf(ex),
                        next == null ? null : FormKit.hidden("next", next),
                        FormKit.input("photo", "photo", ex.t("card.photo.choose"), "file", null, error,
                                attr("accept", "image/*")),
                        el("button", attr("type", "submit"), ex.t("card.photo.upload"))),
                has ? FormKit.button(ex, "/web/card/photo/delete", ex.t("card.photo.remove"), "link") : null);
    }
}
