package org.kith.bench.dav;

import java.util.UUID;

/**
 * Realistic vCard 3.0 address cards of about 500 bytes: FN, N, two typed TELs, EMAIL, ORG, a NOTE
 * with some Chinese text, UID. Phone numbers are valid Chinese numbers, so every server accepts them.
 */
final class VcardFactory {
    private static final String[] FAMILY = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou"};
    private static final String[] GIVEN = {"Wei", "Fang", "Na", "Min", "Jing", "Lei", "Qiang", "Yan", "Jun", "Xue"};

    private VcardFactory() {}

    static String newUid(int i) {
        return new UUID(0x6b697468_62656e63L, i).toString();
    }

    /** Card {@code i}; {@code revision} changes the NOTE and the work number, as an edit would. */
    static String card(String uid, int i, int revision) {
        String family = FAMILY[i % FAMILY.length];
        String given = GIVEN[(i / FAMILY.length) % GIVEN.length] + " " + i;
        return "BEGIN:VCARD\r\n"
                + "VERSION:3.0\r\n"
                + "UID:" + uid + "\r\n"
                + "FN:" + given + " " + family + "\r\n"
                + "N:" + family + ";" + given + ";;;\r\n"
                + "TEL;TYPE=CELL,VOICE:+86 138 " + String.format("%04d %04d", i / 10_000 % 10_000, i % 10_000) + "\r\n"
                + "TEL;TYPE=WORK,VOICE:+86 10 6552 " + String.format("%04d", (i + revision) % 10_000) + "\r\n"
                + "EMAIL;TYPE=INTERNET:" + given.toLowerCase().replace(' ', '.') + "." + family.toLowerCase()
                + "@example.org\r\n"
                + "ORG:Example Trading Co.;Sales and Partnerships\r\n"
                + "NOTE:Met at the Lantern Festival fair (元宵节灯会) in Hangzhou. Prefers WeChat; "
                + "likes 龙井 tea; call after 18:00. Revision " + revision + ".\r\n"
                + "END:VCARD\r\n";
    }
}
