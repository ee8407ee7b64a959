package be.ocmw.merge.web.internal;

import be.ocmw.merge.domain.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Every field a page takes is refused at the door when it holds a control character; the password is not looked at. */
class TypedFieldsFilterTests {

    private final TypedFieldsFilter filter = new TypedFieldsFilter();

    @Test
    void aFieldWithANulByteIsAPlainRefusalThatNamesItAndGoesNoFurther() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mergers/pajottegem/approve");
        request.addParameter("fingerprint", "sha256:abc");
        request.addParameter("comment", "ok\u0000");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(chain.getRequest()).as("the request went no further").isNull();
        assertThat(request.getAttribute(TypedFieldsFilter.REFUSED)).isInstanceOfSatisfying(Reason.class, reason ->
                assertThat(reason.english()).startsWith("One of the fields you sent holds an invisible control character (U+0000 at position 3)"));
    }

    @Test
    void plainFieldsAndAPasswordWithAnythingInItPass() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.addParameter("username", "coördinator Één");
        request.addParameter("password", "tab\there");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void anEscapeInAParameterNameIsRefusedToo() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/mergers/pajottegem/explain");
        request.addParameter("user\u001bname", "x");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(400);
    }
}
