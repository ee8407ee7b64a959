package be.ocmw.merge.explain;

import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.Kbo;

/** Whom an explanation is about: a person by INSZ, or an account by its username (in one OCMW, when {@code kbo}). */
public sealed interface PersonQuery {

    record ByInsz(Insz insz) implements PersonQuery {
    }

    record ByUsername(String username, Kbo kbo) implements PersonQuery {

        public ByUsername {
            username = username.strip();
        }
    }
}
