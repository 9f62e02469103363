package se.motesdagen.registration.programme.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.WebSliceTest;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Seats;
import se.motesdagen.registration.seats.SessionFill;

/** The programme editor's pages alone: what a wrong day says, and that nothing is stored from it. */
@WebSliceTest(ProgrammeEditorController.class)
@Import(DayPage.class)
class ProgrammeEditorControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Programme programme;

    @MockitoBean
    Seats seats;

    @Test
    void theEditorNeedsAStaffLoginAndListsTheDays() throws Exception {
        given(programme.allDays()).willReturn(List.of(day("hostdagen", List.of())));

        mvc.perform(get("/personal/program")).andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/program").with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Höstdagen")));
    }

    @Test
    void aDayWithoutANameIsShownAgainWithTheMessageAndNothingIsStored() throws Exception {
        mvc.perform(newDay().param("name", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Fyll i evenemangets namn.")));
        verify(programme, never()).create(any());
    }

    @Test
    void aGoodDayIsStoredUnderANameFromItsTitleAndOpened() throws Exception {
        given(programme.day("vardagen-2027")).willReturn(Optional.empty());
        given(programme.create(any())).willReturn(true);

        mvc.perform(newDay().param("name", "Vårdagen 2027"))
                .andExpect(redirectedUrl("/personal/program/vardagen-2027"));
    }

    @Test
    void aDayWithSessionsCannotBecomeVisitsOnly() throws Exception {
        Day withSession = day(
                "hostdagen",
                List.of(new Day.Session(
                        "upphandling",
                        "Upphandling",
                        "Om upphandling.",
                        LocalTime.of(9, 30),
                        LocalTime.of(10, 30),
                        "Sal A",
                        30)));
        given(programme.day("hostdagen")).willReturn(Optional.of(withSession));
        given(seats.fill(withSession)).willReturn(List.of(new SessionFill("upphandling", "Upphandling", 30, 12, 1, 0)));

        mvc.perform(dayForm(post("/personal/program/hostdagen"))
                        .param("name", "Höstdagen")
                        .param("visitsOnly", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Dagen har pass")));
        verify(programme, never()).save(any());
    }

    private MockHttpServletRequestBuilder newDay() {
        return dayForm(post("/personal/program"));
    }

    private static MockHttpServletRequestBuilder dayForm(MockHttpServletRequestBuilder request) {
        return request.param("date", "2027-10-14")
                .param("opensAt", "09:00")
                .param("closesAt", "15:00")
                .param("location", "Stadshuset, Nyköping")
                .with(csrf())
                .with(staff());
    }

    private static RequestPostProcessor staff() {
        return StaffTokens.as(StaffRole.ADMIN);
    }

    private static Day day(String id, List<Day.Session> sessions) {
        return new Day(
                id,
                "Höstdagen",
                LocalDate.of(2027, 10, 14),
                LocalTime.of(9, 0),
                LocalTime.of(15, 0),
                "Stadshuset, Nyköping",
                "En dag för tester.",
                sessions,
                null,
                null);
    }
}
