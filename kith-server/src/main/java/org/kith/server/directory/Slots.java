package org.kith.server.directory;

/**
 * A person's numbers in the three slots most vendor formats have — office, mobile, other
 * (home first) — for formats with one field per kind. The first number of a kind wins a slot;
 * a number of no fitting kind fills the first free slot.
 */
record Slots(Person.Phone office, Person.Phone mobile, Person.Phone other) {

    static Slots of(Person p) {
        Person.Phone office = p.first(Person.Kind.WORK);
        Person.Phone mobile = p.first(Person.Kind.MOBILE);
        Person.Phone other = p.first(Person.Kind.HOME);
        for (Person.Phone phone : p.phones()) {
            if (phone == office || phone == mobile || phone == other) {
                continue;
            }
            if (office == null) {
                office = phone;
            } else if (other == null) {
                other = phone;
            } else if (mobile == null) {
                mobile = phone;
            }
        }
        return new Slots(office, mobile, other);
    }
}
