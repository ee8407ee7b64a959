package be.ocmw.merge.dossiers;

/** A dossier as people name it: the KBO it is registered under and its reference there. */
public record DossierRef(String kbo, String reference) {

    /** "0212.345.678/DOS-1", as the reconciliation report shows it. */
    public String label() {
        return new be.ocmw.merge.domain.Kbo(kbo).formatted() + "/" + reference;
    }
}
