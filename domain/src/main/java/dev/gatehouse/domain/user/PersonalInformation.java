package dev.gatehouse.domain.user;

/**
 * What a new password is compared with: the account's username, first and last name and email
 * address, as far as they are known. Null or empty fields are not compared.
 */
public record PersonalInformation(Username username, String firstName, String lastName, EmailAddress email) {
    public PersonalInformation {
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
    }

    /** The address and the profile of an account, or of one being registered; a null profile has no names. */
    public static PersonalInformation of(EmailAddress email, Profile profile) {
        return profile == null
                ? new PersonalInformation(null, "", "", email)
                : new PersonalInformation(profile.username(), profile.firstName(), profile.lastName(), email);
    }
}
