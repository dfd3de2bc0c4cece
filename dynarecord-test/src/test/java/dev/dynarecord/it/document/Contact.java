package dev.dynarecord.it.document;

/** A JavaBean stored as a document: its getter and setter pairs. */
public class Contact {
    private String email;
    private boolean verified;
    private int score;

    public Contact() {
    }

    public Contact(String email, boolean verified, int score) {
        this.email = email;
        this.verified = verified;
        this.score = score;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isVerified() {
        return verified;
    }

    public void setVerified(boolean verified) {
        this.verified = verified;
    }

    public int getScore() {
        return score;
    }

    public void setScore(int score) {
        this.score = score;
    }

    public String getDisplay() { // a getter without a setter: not stored
        return email + (verified ? " (verified)" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contact c && java.util.Objects.equals(email, c.email) && verified == c.verified && score == c.score;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(email, verified, score);
    }
}
