package org.kith.server.dav;

/** DELETE of a card or a whole book; only personal books allow either. */
final class DeleteMethod implements DavMethod {
    @Override
    public void handle(DavContext ctx, Target target) {
        if (target instanceof Target.Member m) {
            DavBook book = Books.require(ctx, m.book());
            if (!book.readWrite() && book.card(m.name()).isEmpty()) {
                throw DavError.notFound("no card " + m.name());
            }
            book.delete(m.name(), ctx.exchange().precondition());
        } else if (target instanceof Target.Registration r) {
            if (!ctx.push().unregister(ctx.viewer(), r.id())) { // another account's is unknown here too
                throw DavError.notFound("no push registration " + r.id());
            }
        } else if (target instanceof Target.Book b) {
            Books.require(ctx, b.book()).deleteBook();
        } else {
            throw DavError.readOnly("this collection cannot be deleted");
        }
        ctx.exchange().send(204);
    }
}
