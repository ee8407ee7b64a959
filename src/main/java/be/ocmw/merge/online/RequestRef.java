package be.ocmw.merge.online;

/** An OCMW Online request as people name it: the KBO it was addressed to and its reference. */
public record RequestRef(String kbo, String reference) {

    /** "0212.345.678/REQ-1", as people read it. */
    public String label() {
        return new be.ocmw.merge.domain.Kbo(kbo).formatted() + "/" + reference;
    }
}
