package io.careline.user;

/** Where a user can be reached off the app: an E.164 number and an email address, each possibly absent. */
public record Contact(String phone, String email) {
    /** No contact details. */
    public static final Contact NONE = new Contact(null, null);
}
