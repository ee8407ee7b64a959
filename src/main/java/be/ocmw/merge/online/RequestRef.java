package be.ocmw.merge.online;

/** An OCMW Online request as people name it: the KBO it was addressed to and its reference. */
public record RequestRef(String kbo, String reference) {

    public String label() {
        return kbo + "/" + reference;
    }
}
