// A plain-English NHS glossary (glossary.hpp).
//   Building the built-in list: abbreviation(), spelled_out(), word()
//   The built-in terms: organisations and bodies, past and present; areas;
//     kinds of care; ways of working together; money and contracts
//   Matching terms in text: terms_in()
#include "analysis/glossary.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string_view>

namespace analysis {

namespace {

char lower_char(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), lower_char);
  return text;
}

// ASCII letters and digits only: the bytes of a UTF-8 character (a curly
// quote, a dash) end a word, as punctuation does.
bool is_word_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x80 && std::isalnum(byte);
}

// The text with every run of spaces, tabs, line breaks and no-break spaces
// made one space, no space at either end, and curly apostrophes made
// straight, so that "Joint\n  Committee" and "Arm’s length" read as typed.
std::string normalised(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t width = 0;  // the bytes of a space at i
    if (std::isspace(static_cast<unsigned char>(text[i]))) width = 1;
    else if (text.compare(i, 2, "\xC2\xA0") == 0) width = 2;  // a no-break space
    if (width > 0) {
      space = !out.empty();
      i += width - 1;
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {  // a curly apostrophe
      out += '\'';
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// How two terms are compared: ignoring case and spacing.
std::string term_key(std::string_view term) { return lower(normalised(term)); }

bool term_less(const GlossaryTerm& a, const GlossaryTerm& b) {
  const std::string ka = term_key(a.term);
  const std::string kb = term_key(b.term);
  return ka != kb ? ka < kb : a.term < b.term;
}

// "CCG", "CiC", "MoU", "A&E": one word with two or more capitals, which in
// lower case would be another word or none ("ccg") and is matched exactly.
bool is_abbreviation(const std::string& term) {
  if (term.find(' ') != std::string::npos) return false;
  return std::count_if(term.begin(), term.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) >= 2;
}

// Where `term` first occurs in `text` as a whole word, with a plural s (or,
// for a term ending in y, "ies") allowed. A term that starts or ends with
// punctuation ("Place(s)") needs no word break on that side.
std::optional<std::size_t> first_whole_word(const std::string& text, const std::string& term, bool plural_ies) {
  const bool ies = plural_ies && term.size() > 1 && term.back() == 'y';
  const std::string stem = ies ? term.substr(0, term.size() - 1) : term;
  static constexpr std::string_view plain_endings[] = {"", "s"};
  static constexpr std::string_view y_endings[] = {"y", "ys", "ies"};
  const auto begin = ies ? std::begin(y_endings) : std::begin(plain_endings);
  const auto end = ies ? std::end(y_endings) : std::end(plain_endings);
  for (std::size_t at = text.find(stem); at != std::string::npos; at = text.find(stem, at + 1)) {
    if (is_word_char(stem.front()) && at > 0 && is_word_char(text[at - 1])) continue;
    const std::size_t stem_end = at + stem.size();
    for (auto ending = begin; ending != end; ++ending) {
      if (text.compare(stem_end, ending->size(), *ending) != 0) continue;
      const std::size_t after = stem_end + ending->size();
      const char last = ending->empty() ? stem.back() : ending->back();
      if (is_word_char(last) && after < text.size() && is_word_char(text[after])) continue;
      return at;
    }
  }
  return std::nullopt;
}

// Building the built-in list. Each meaning is written once: an abbreviation
// spelled out gets an entry for its full name too, which ends by giving the
// short form.

std::string capitalised(std::string text) {
  if (!text.empty()) text.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(text.front())));
  return text;
}

// "CCG": "Clinical commissioning group: the local NHS body ..."
void abbreviation(std::vector<GlossaryTerm>& list, const char* term, const char* stands_for, const char* meaning) {
  list.push_back({term, std::string(stands_for) + ": " + meaning, false});
}

// The abbreviation, and its full name: "Clinical commissioning group": "The
// local NHS body ... Often written CCG."
void spelled_out(std::vector<GlossaryTerm>& list, const char* term, const char* stands_for, const char* meaning) {
  abbreviation(list, term, stands_for, meaning);
  list.push_back({stands_for, capitalised(meaning) + " Often written " + term + ".", false});
}

void word(std::vector<GlossaryTerm>& list, const char* term, const char* meaning) { list.push_back({term, meaning, false}); }

std::vector<GlossaryTerm> built_in_terms() {
  std::vector<GlossaryTerm> list;

  // Local NHS bodies, past and present.
  spelled_out(list, "ICB", "Integrated care board",
              "the NHS body that plans and pays for most health services for its area. Integrated care boards took over from CCGs in July 2022.");
  spelled_out(list, "ICS", "Integrated care system",
              "the NHS, councils and other partners in an area working together to plan and run health and care for the people who live there. "
              "Since July 2022 each has an integrated care board and an integrated care partnership.");
  spelled_out(list, "ICP", "Integrated care partnership",
              "a committee of an integrated care board and the councils in its area, with other partners, that agrees a plan for meeting the "
              "area's health and care needs. Before 2022 some areas used the name for a partnership in one local area.");
  spelled_out(list, "CCG", "Clinical commissioning group",
              "the local NHS body, led by local GPs and other health professionals, that planned and paid for most health services for its "
              "area from April 2013. CCGs were replaced by integrated care boards in July 2022.");
  spelled_out(list, "PCT", "Primary care trust",
              "the local NHS body that planned and paid for most health services for its area, and ran some community services, from 2002. "
              "Primary care trusts were abolished in March 2013, and CCGs took over most of their work.");
  spelled_out(list, "SHA", "Strategic health authority",
              "one of the regional NHS bodies that oversaw the local NHS in England until they were abolished in March 2013.");
  spelled_out(list, "STP", "Sustainability and transformation partnership",
              "one of 44 areas of England where the NHS and councils drew up a shared plan for health and care in 2016, at first called "
              "sustainability and transformation plans. By April 2021 all had become integrated care systems.");
  spelled_out(list, "ACS", "Accountable care system",
              "NHS organisations, with councils and other partners, taking shared responsibility for the health, care and money of a whole "
              "area. The name was used in 2017 and 2018; after that they were called integrated care systems.");
  abbreviation(list, "ACP", "Accountable care partnership",
               "the partners in one local area (a place) joining up its health and care, a name some areas used around 2017 and 2018. In staff plans ACP "
               "can instead mean an advanced clinical practitioner, a senior nurse or therapist trained to take on some of a doctor's work.");
  word(list, "Accountable care partnership",
       "The partners in one local area (a place) working together to join up its health and care, a name some areas used around 2017 and 2018. "
       "Often written ACP.");
  spelled_out(list, "ACO", "Accountable care organisation",
              "a single organisation given one long contract and one budget for nearly all the health and care of an area's people. The "
              "idea came from the United States; in England it was later called an integrated care provider.");
  spelled_out(list, "MCP", "Multispecialty community provider",
              "a way of organising care, tried from 2015, in which GPs, community nurses, therapists and some hospital specialists work as "
              "one team under one contract. It is no longer pursued.");
  spelled_out(list, "PACS", "Primary and acute care system",
              "a way of organising care, tried from 2015, that brought GP, community, mental health and hospital services in an area under "
              "one organisation or contract. It is no longer pursued.");
  spelled_out(list, "CSU", "Commissioning support unit",
              "an NHS team, hosted by NHS England, that sells expert and back-office help, such as data analysis, contracts and computer "
              "systems, to the bodies that plan and pay for care.");
  spelled_out(list, "FT", "Foundation trust",
              "an NHS trust with more freedom over its money and plans than other trusts. Local people, patients and staff can join as "
              "members and elect most of its governors.");
  word(list, "NHS trust",
       "An NHS organisation that runs services such as hospitals, mental health care, community health care or ambulances.");
  spelled_out(list, "LMC", "Local medical committee",
              "the body, recognised in law, that speaks for all the GPs in an area. The NHS bodies that pay for GP services must consult it on "
              "matters that affect them.");
  abbreviation(list, "NHS", "National Health Service",
               "the health service paid for mainly from taxes and free for most care when it is used. Each of the four UK nations runs its own health service.");
  word(list, "NHS 111", "The free NHS phone line and website for urgent health problems that are not emergencies.");

  // National bodies, past and present.
  spelled_out(list, "NHSE", "NHS England",
              "the national body that leads the NHS in England, shares out its money, oversees local NHS bodies and pays for some "
              "services itself. In March 2025 the government announced plans to abolish it and bring its work into the Department of "
              "Health and Social Care.");
  spelled_out(list, "NHSI", "NHS Improvement",
              "the national body that oversaw NHS trusts and foundation trusts, formed in 2016 from Monitor and the NHS Trust Development "
              "Authority. It worked as one with NHS England from 2019 and was merged into it in July 2022.");
  abbreviation(list, "TDA", "NHS Trust Development Authority",
               "the national body that oversaw NHS trusts that were not foundation trusts, from 2012. It became part of NHS Improvement in "
               "2016 and its work passed to NHS England in 2022.");
  spelled_out(list, "CQC", "Care Quality Commission",
              "the independent body that inspects health and care services in England, from GP practices and hospitals to care homes, and "
              "rates how good they are.");
  spelled_out(list, "ALB", "Arm's length body",
              "a national body set up by the government but run at a distance from ministers, such as NHS England or the Care Quality "
              "Commission.");
  abbreviation(list, "DHSC", "Department of Health and Social Care",
               "the government department in charge of health and care policy in England, led by the Secretary of State. It was called the "
               "Department of Health until January 2018.");
  abbreviation(list, "DoH", "Department of Health",
               "the name of the government department for health until January 2018, when it became the Department of Health and Social Care.");
  abbreviation(list, "HEE", "Health Education England",
               "the national body that planned and paid for the education and training of NHS staff. It became part of NHS England in April 2023.");
  abbreviation(list, "PHE", "Public Health England",
               "the national body for protecting and improving the nation's health from 2013. It closed in 2021, and its work passed to the UK "
               "Health Security Agency and the Department of Health and Social Care.");
  abbreviation(list, "ODS", "Organisation data service",
               "the NHS service that gives official codes to NHS organisations, GP practices and other sites.");

  // Councils and the public's voice.
  spelled_out(list, "LA", "Local authority",
              "a council. Councils run social care, public health and many other local services, and work with the NHS on health and care.");
  spelled_out(list, "HWB", "Health and wellbeing board",
              "a council committee, required by law since 2013, where councillors, the NHS, Healthwatch and others plan together for the "
              "health of local people.");
  abbreviation(list, "HOSC", "Health overview and scrutiny committee",
               "a committee of councillors that looks into local health services and questions the NHS about them. The NHS must consult it "
               "on big changes to local services.");
  spelled_out(list, "OSC", "Overview and scrutiny committee",
              "a council committee of councillors that examines the council's decisions and other local public services. The NHS must "
              "consult the one that covers health on big changes to local services.");
  word(list, "Healthwatch",
       "An independent organisation in each council area that gathers people's views of health and care services and speaks up for them.");
  abbreviation(list, "VCSE", "Voluntary, community and social enterprise",
               "charities, community groups and businesses run for a social purpose rather than for profit.");
  word(list, "Consultation",
       "Asking patients, the public, staff and others for their views before a decision is made. The NHS must involve the public before "
       "making big changes to services.");

  // People and posts.
  spelled_out(list, "GP", "General practitioner", "a family doctor, working from a local surgery (a GP practice).");
  spelled_out(list, "AO", "Accountable officer",
              "the senior person personally answerable for how an NHS organisation spends public money. In a CCG it was the most senior "
              "manager, sometimes called the chief officer.");
  spelled_out(list, "SRO", "Senior responsible owner",
              "the named leader answerable for a programme or project meeting its aims. Some papers write senior responsible officer.");
  abbreviation(list, "CEO", "Chief executive officer",
               "the most senior manager of an organisation, who runs it day to day and answers to its board.");
  abbreviation(list, "CFO", "Chief finance officer", "the senior manager responsible for an organisation's money and accounts.");
  word(list, "Clinical director",
       "A doctor or other health professional who leads a service. Every primary care network has one, usually a local GP, who leads "
       "the network.");
  word(list, "Lay member",
       "A board or committee member who is not a health professional or NHS manager, there to bring the view of patients and the public.");
  word(list, "Non-executive director",
       "A board member who is not employed to run the organisation, there to bring an outside view and to question and check the managers.");

  // Areas, from the smallest.
  word(list, "List size", "The number of patients registered with a GP practice (its list).");
  word(list, "Registered population",
       "The number of people registered with a GP practice, or with all the practices in an area. It is used to plan services and share "
       "out money, and can differ from the number of people who live there.");
  spelled_out(list, "PCN", "Primary care network",
              "a group of neighbouring GP practices, together caring for about 30,000 to 50,000 people, that work together and with "
              "community health and care services. They began in July 2019.");
  word(list, "Neighbourhood",
       "A small local area within a place, often home to 30,000 to 50,000 people, where GP practices, community health services, social "
       "care and others work as one team.");
  word(list, "Locality",
       "A part of a place, often grouping several GP practices and the communities they serve; the word is used loosely and sizes vary.");
  word(list, "Place",
       "A local area inside a system, usually matching one council and home to 100,000 to 500,000 people, where health and care "
       "organisations plan and join up services.");
  word(list, "System",
       "A larger area made up of several places, covered by one integrated care system and usually home to between half a million and "
       "three million people.");
  word(list, "Footprint", "The area that an organisation, partnership or plan covers.");

  // Kinds of care.
  word(list, "Primary care",
       "Everyday health care that people can go to directly, without being sent: GP practices, pharmacies, dentists and opticians.");
  word(list, "Secondary care",
       "Care from specialists, mostly in hospitals, that people reach when a GP sends them or in an emergency.");
  word(list, "Tertiary care",
       "Highly specialised care for complex or rare conditions, usually in a large specialist hospital, that other specialists send people to.");
  word(list, "Acute care", "Hospital treatment, usually short, for a sudden or severe illness or injury, or for an operation.");
  word(list, "Community services",
       "Health care given in people's homes, local clinics and health centres rather than in hospital, such as district nursing, "
       "physiotherapy and health visiting.");
  word(list, "Social care",
       "Practical help for people who need it because of age, illness or disability, such as help with washing, dressing or meals, at "
       "home or in a care home. Councils arrange and pay for much of it.");
  word(list, "Public health",
       "Work to protect and improve the health of a whole population and prevent illness, such as help to stop smoking. Councils have "
       "led it locally since 2013.");
  word(list, "Specialised services",
       "Care for rare or complex conditions that only a few hospitals provide, planned for large populations. NHS England has paid for "
       "them nationally and has begun handing some to integrated care boards.");
  abbreviation(list, "A&E", "Accident and emergency", "a hospital's emergency department, for serious injuries and sudden serious illness.");
  abbreviation(list, "UEC", "Urgent and emergency care",
               "care needed the same day, from NHS 111 and urgent treatment centres to ambulances and A&E.");
  abbreviation(list, "IAPT", "Improving access to psychological therapies",
               "the NHS service offering talking therapies for anxiety and depression, renamed NHS Talking Therapies in 2023.");
  word(list, "Pathway",
       "The series of steps and services that a patient with a given condition is meant to go through, from first seeing someone to "
       "finishing treatment.");
  word(list, "Integrated care",
       "Health and care services joined up around each person, so that GP practices, hospitals, community, mental health and social care "
       "services work together rather than separately.");
  word(list, "Population health",
       "The health of a whole group of people, such as everyone living in an area, and everything that shapes it, from housing, work and "
       "income to health services.");
  word(list, "Population health management",
       "Using information about a whole population to spot groups at risk of poor health and to plan care and support for them early.");
  word(list, "Health inequalities",
       "Differences in health between groups of people, such as those in richer and poorer areas, that are unfair and could be avoided.");

  // Planning and paying for care.
  word(list, "Commissioning", "Working out what health and care services an area needs, then arranging, paying for and checking them.");
  word(list, "Commissioner",
       "A body that works out what services its area needs, then arranges, pays for and checks them, such as an integrated care board, "
       "NHS England or a council.");
  word(list, "Provider",
       "An organisation or person that delivers health or care services, such as a hospital trust, a GP practice, a care home or a charity.");
  word(list, "Strategic commissioning",
       "Planning and paying for care with the focus on the big picture for a large population, such as long-term goals, priorities and budgets, "
       "leaving the detail of each service to local partners.");
  word(list, "Co-commissioning",
       "NHS England and CCGs sharing the job of planning and paying for GP services, or NHS England handing that job to the CCGs, from 2015 until CCGs closed in 2022.");
  word(list, "Lead commissioner",
       "Where several bodies pay for a service together, the one that arranges and manages it on behalf of them all.");
  word(list, "Host commissioner",
       "Where several bodies pay for a service together, the one that holds the contract and looks after the shared money on behalf of "
       "them all.");
  word(list, "Lead provider",
       "One organisation that holds the contract for a whole service and arranges for other organisations to deliver parts of it, while "
       "answering for all of it.");
  spelled_out(list, "DES", "Directed enhanced service",
              "extra work a GP practice can choose to take on beyond its core contract, on terms and pay set nationally. Primary care "
              "networks are set up through one.");
  abbreviation(list, "GMS", "General medical services",
               "the standard national contract under which most GP practices work, with terms agreed between the NHS and GPs' representatives.");
  abbreviation(list, "PMS", "Personal medical services",
               "a GP practice contract agreed locally instead of the standard national one, sometimes paying for extra services.");
  abbreviation(list, "APMS", "Alternative provider medical services",
               "a GP practice contract that any suitable organisation can hold, not only GPs, usually for a fixed number of years.");
  abbreviation(list, "QIPP", "Quality, innovation, productivity and prevention",
               "a national NHS drive, begun in 2009, to improve care while saving money. Local NHS bodies kept the name for their yearly "
               "savings plans.");
  word(list, "Running costs",
       "What it costs to run an organisation itself, such as its staff and offices, as opposed to what it spends on care.");
  word(list, "Control total",
       "The financial result, such as a small surplus or a limit on overspending, that an NHS organisation or area agrees to meet in a year.");
  word(list, "Pooled budget",
       "Money that two or more organisations, such as the NHS and a council, put into one shared fund to pay for services together.");
  word(list, "Section 75 agreement",
       "A legal agreement, named after a section of the NHS Act 2006, that lets an NHS body and a council pool their money or do some of "
       "each other's work.");
  word(list, "Better Care Fund",
       "A national scheme, since 2015, under which the NHS and the council in each area put money into a shared fund to join up health and "
       "social care.");
  word(list, "Financial year",
       "The year the NHS and government use for money, from 1 April to 31 March. 2019/20 means April 2019 to March 2020.");
  word(list, "Assurance",
       "Checks that an organisation, plan or proposal is sound and working as it should, such as NHS England's yearly assessment of each "
       "local NHS body.");

  // Ways of working together and of deciding.
  word(list, "Statutory",
       "Set up or required by law. A statutory body has legal powers and duties of its own; a partnership that is not statutory relies on "
       "its members' agreement.");
  word(list, "Sovereignty",
       "An organisation's right to make its own decisions. When organisations work together, each keeps the final say on everything it "
       "has not formally handed over.");
  word(list, "Delegation",
       "Handing another body the power to make certain decisions. The body that hands it over normally stays answerable for them.");
  word(list, "Delegated authority",
       "The power to decide certain matters that one body has formally handed to another, as set out in writing.");
  spelled_out(list, "JC", "Joint committee",
              "a committee set up by two or more organisations, such as CCGs, each of which hands it the power to take certain decisions "
              "for all of them together.");
  abbreviation(list, "JCC", "Joint commissioning committee",
               "a joint committee of bodies that plan and pay for care, such as NHS England and integrated care boards, deciding together on "
               "services they share. In staff matters JCC can also mean a joint consultative committee of managers and trade unions.");
  spelled_out(list, "CiC", "Committees in common",
              "committees from several organisations that meet together and agree the same decisions, though each decides only for its "
              "own organisation.");
  word(list, "Governing body",
       "The board that led a CCG and took its main decisions, with local GPs, a nurse, a hospital doctor, lay members and senior "
       "managers. More generally, the board at the top of any organisation.");
  word(list, "Programme board",
       "A group of senior people that steers a programme of change: it sets its direction, checks progress and deals with problems. It "
       "usually has no legal powers, so the organisations taking part still make the formal decisions.");
  word(list, "Workstream", "A part of a programme given to its own team and leader, such as the work on finance or on staff.");
  word(list, "Terms of reference",
       "The written rules for a committee or group: what it is for, who sits on it, and how it makes decisions.");
  word(list, "Quorum", "The smallest number of members who must be present for a meeting to make decisions.");
  word(list, "Shadow form",
       "A new body running as a trial before it formally exists: it meets and works as it will, but cannot yet take binding decisions.");
  spelled_out(list, "MoU", "Memorandum of understanding",
              "a written agreement setting out how organisations mean to work together. It is usually not a legally binding contract.");
  word(list, "Alliance",
       "A group of organisations that agree to work together towards shared goals, often under a written agreement, while each stays "
       "independent. Cancer alliances, for example, join up cancer care across an area.");
  word(list, "Provider collaborative",
       "A group of NHS trusts, such as the hospitals or mental health trusts of an area, that work together on shared goals. Since 2022 "
       "trusts running hospital or mental health services have been expected to belong to one.");
  word(list, "Federation",
       "A group of organisations, such as GP practices or CCGs, that keep their own identities but share some work, staff or decisions "
       "through a central body they set up together.");
  word(list, "Vertical integration",
       "Joining up different kinds of care in one area, such as GP practices, community services and the local hospital, so that they "
       "work as one.");
  word(list, "Horizontal integration",
       "Organisations that give the same kind of care, such as neighbouring hospitals, working together or merging, from sharing services "
       "up to running several sites as a single hospital.");

  // National plans and laws.
  const char* forward_view = "NHS England's plan for the NHS, published in October 2014. A follow-up, Next Steps, came in March 2017.";
  spelled_out(list, "FYFV", "Five Year Forward View", forward_view);
  abbreviation(list, "5YFV", "Five Year Forward View", forward_view);  // as some papers write it
  word(list, "Vanguard",
       "One of 50 areas chosen in 2015 to try out new ways of organising care that the Five Year Forward View proposed.");
  word(list, "NHS Long Term Plan",
       "The national plan for the NHS in England, published in January 2019, setting out what it aimed to achieve over the next ten years.");
  word(list, "Health and Social Care Act 2012",
       "The law that, from April 2013, created CCGs, NHS England, health and wellbeing boards and Healthwatch, and abolished primary care "
       "trusts and strategic health authorities.");
  word(list, "Health and Care Act 2022",
       "The law that, from July 2022, replaced CCGs with integrated care boards, set up integrated care partnerships and merged NHS "
       "Improvement into NHS England.");

  std::sort(list.begin(), list.end(), term_less);
  return list;
}

}  // namespace

const std::vector<GlossaryTerm>& nhs_glossary() {
  // Constant reference text, the same for every plan, built once.
  static const std::vector<GlossaryTerm> terms = built_in_terms();
  return terms;
}

std::vector<GlossaryTerm> glossary_for(const model::Plan& plan) {
  std::vector<GlossaryTerm> out;
  out.reserve(plan.glossary.size() + nhs_glossary().size());
  std::set<std::string> defined;
  for (const model::GlossaryEntry& entry : plan.glossary) {
    out.push_back({entry.term, entry.meaning, true});
    defined.insert(term_key(entry.term));
  }
  // nhs_glossary() is sorted already, so what is left of it stays sorted.
  for (const GlossaryTerm& term : nhs_glossary()) {
    if (!defined.count(term_key(term.term))) out.push_back(term);
  }
  return out;
}

std::vector<const GlossaryTerm*> terms_in(const std::string& text, const std::vector<GlossaryTerm>& glossary) {
  const std::string written = normalised(text);
  if (written.empty()) return {};
  const std::string lowered = lower(written);
  struct Found {
    std::size_t at;
    std::size_t length;
    const GlossaryTerm* term;
  };
  std::vector<Found> found;
  std::set<std::string> seen;  // a term listed twice is looked for, and given, once: the first
  for (const GlossaryTerm& entry : glossary) {
    const std::string term = normalised(entry.term);
    if (term.empty() || !seen.insert(lower(term)).second) continue;
    const bool exact = is_abbreviation(term);
    const auto at = exact ? first_whole_word(written, term, false) : first_whole_word(lowered, lower(term), true);
    if (at) found.push_back({*at, term.size(), &entry});
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.at != b.at ? a.at < b.at : a.length > b.length;
  });
  std::vector<const GlossaryTerm*> terms;
  terms.reserve(found.size());
  for (const Found& f : found) terms.push_back(f.term);
  return terms;
}

}  // namespace analysis
