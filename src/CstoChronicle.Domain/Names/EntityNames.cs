namespace CstoChronicle.Domain.Names;

/// <summary>A display name in English and, where the record gives it, in Russian.</summary>
public sealed record EntityName(string English, string? Russian = null);

/// <summary>
/// Display names of the chronicle's entities by their slug (bodies, documents, persons, exercises, operations, the
/// organisation), so that no slug reaches a title. An entity the register does not know is named by its slug as words
/// ("working-group-x" → "working group x"); the dataset's check keeps every entity of data/ in this register.
/// </summary>
public static class EntityNames
{
    private static readonly Dictionary<string, EntityName> Names = new(StringComparer.Ordinal)
    {
        // The organisation and other actors
        ["csto"] = new("Collective Security Treaty Organization", "Организация Договора о коллективной безопасности"),
        ["un-general-assembly"] = new("United Nations General Assembly", "Генеральная Ассамблея ООН"),
        ["chairmanship"] = new("Chairmanship of the CSTO", "Председательство в ОДКБ"),
        ["secretary-general"] = new("Secretary General of the CSTO", "Генеральный секретарь ОДКБ"),
        ["chief-of-joint-staff"] = new("Chief of the CSTO Joint Staff", "Начальник Объединённого штаба ОДКБ"),
        ["commander-peacekeeping-forces-kazakhstan-2022"] = new("Commander of the CSTO Collective Peacekeeping Forces in Kazakhstan (2022)",
            "Командующий Коллективными миротворческими силами ОДКБ в Казахстане"),

        // Bodies and forces
        ["collective-security-council"] = new("Collective Security Council", "Совет коллективной безопасности"),
        ["council-of-foreign-ministers"] = new("Council of Foreign Ministers", "Совет министров иностранных дел"),
        ["council-of-defence-ministers"] = new("Council of Defence Ministers", "Совет министров обороны"),
        ["committee-of-secretaries-of-security-councils"] = new("Committee of Secretaries of Security Councils", "Комитет секретарей советов безопасности"),
        ["permanent-council"] = new("Permanent Council", "Постоянный совет"),
        ["secretariat"] = new("Secretariat of the CSTO", "Секретариат ОДКБ"),
        ["joint-staff"] = new("CSTO Joint Staff", "Объединённый штаб ОДКБ"),
        ["parliamentary-assembly"] = new("Parliamentary Assembly of the CSTO", "Парламентская Ассамблея ОДКБ"),
        ["crrf"] = new("Collective Rapid Reaction Force", "Коллективные силы оперативного реагирования"),
        ["collective-air-forces"] = new("Collective Air Forces", "Коллективные авиационные силы"),
        ["crisis-response-centre"] = new("CSTO Crisis Response Centre", "Кризисный центр ОДКБ"),
        ["computer-incident-response-centre"] = new("Coordinating and Consulting Centre to Respond to Computer Incidents"),
        ["interstate-commission-military-economic-cooperation"] = new("Interstate Commission for Military and Economic Cooperation", "Межгосударственная комиссия по военно-экономическому сотрудничеству"),
        ["coordination-council-illegal-migration"] = new("Coordination Council on issues of illegal migration"),
        ["coordination-council-emergency-situations"] = new("Coordination Council on emergency situations"),
        ["coordination-council-drug-trafficking"] = new("Coordination Council of the Heads of Competent Authorities for Countering Illicit Drug Trafficking",
            "Координационный совет руководителей компетентных органов по противодействию незаконному обороту наркотиков"),
        ["military-committee"] = new("Military Committee of the CSTO", "Военный комитет ОДКБ"),
        ["working-group-afghanistan"] = new("Working Group on Afghanistan under the Council of Foreign Ministers", "Рабочая группа по Афганистану при СМИД ОДКБ"),
        ["secretariat-department-information-public-relations"] = new("Department for Information and Public Relations of the CSTO Secretariat"),
        ["crdf-central-asia"] = new("Collective Rapid Deployment Forces of the Central Asian Region", "Коллективные силы быстрого развёртывания Центрально-Азиатского региона"),
        ["collective-peacekeeping-forces"] = new("CSTO Collective Peacekeeping Forces", "Миротворческие силы ОДКБ"),

        // Documents
        ["collective-security-treaty"] = new("Collective Security Treaty", "Договор о коллективной безопасности"),
        ["protocol-extension-collective-security-treaty"] = new("Protocol on the extension of the Collective Security Treaty of 15 May 1992"),
        ["protocol-forces-collective-security-system-2001"] = new("Protocol on the procedure for the formation and functioning of forces and resources of the collective security system (2001)"),
        ["csto-charter"] = new("Charter of the Collective Security Treaty Organization", "Устав Организации Договора о коллективной безопасности"),
        ["agreement-legal-status-csto"] = new("Agreement on the legal status of the Collective Security Treaty Organization"),
        ["protocol-uzbekistan-membership-2006"] = new("Protocol on the restoration of the membership of the Republic of Uzbekistan in the CSTO"),
        ["agreement-crrf"] = new("Agreement on the Collective Rapid Reaction Force"),
        ["agreement-forces-collective-security-system-2010"] = new("Agreement on the formation and functioning of the forces and resources of the CSTO collective security system (2010)"),
        ["protocol-amendments-csto-charter-2010"] = new("Protocol on amendments to the CSTO Charter (2010)"),
        ["protocol-amendments-collective-security-treaty-2010"] = new("Protocol on amendments to the Collective Security Treaty (2010)"),
        ["agreement-cooperation-information-security"] = new("Agreement on Cooperation in the Field of Information Security"),
        ["anti-drug-strategy-2015-2020"] = new("CSTO Anti-Drug Strategy for 2015–2020", "Антинаркотическая стратегия ОДКБ на 2015–2020 годы"),
        ["collective-security-strategy-2025"] = new("Collective Security Strategy of the CSTO for the period until 2025", "Стратегия коллективной безопасности ОДКБ на период до 2025 года"),
        ["protocol-combating-crime-information-sphere"] = new("Protocol on cooperation of the CSTO member states to combat criminal activities in the information sphere"),
        ["agreement-rapid-equipment-territory-2004"] = new("Agreement on Rapid Equipment of Territory and Joint Use of CSTO Member States’ Military Infrastructure Facilities (2004)"),
        ["agreement-peacekeeping-activities"] = new("Agreement on Peacekeeping Activities of the CSTO (2007)", "Соглашение о миротворческой деятельности ОДКБ"),
        ["agreement-command-system-forces-2007"] = new("Agreement on the Establishment of a Command System for the Forces and Means of the CSTO Collective Security System (2007)"),
        ["protocol-amendments-agreement-peacekeeping-2021"] = new("Protocol on amendments to the Agreement on the CSTO Peacekeeping Activities (2021)"),
        ["joint-declaration-un-csto-secretariats-2010"] = new("Joint Declaration on Cooperation between the Secretariats of the United Nations and the CSTO (2010)"),
        ["collective-security-concept-1995"] = new("Collective Security Concept of the States Parties to the Collective Security Treaty (1995)", "Концепция коллективной безопасности государств-участников Договора о коллективной безопасности"),
        ["agreement-status-formations-2000"] = new("Agreement on the status of formations of forces and means of the collective security system (2000)"),
        ["agreement-status-formations-csto-2010"] = new("Agreement on the status of formations of forces and means of the CSTO collective security system (2010)"),
        ["protocols-amendments-csto-charter-2018"] = new("Protocols amending the CSTO Charter (partner and observer status, 2018)"),
        ["protocol-collective-security-treaty-1993"] = new("Protocol of 24 December 1993 to the Collective Security Treaty"),
        ["memorandum-efficiency-collective-security-treaty-2000"] = new("Memorandum on increasing the efficiency of the Collective Security Treaty (2000)"),
        ["agreement-crdf-central-asia-2006"] = new("Agreement on the operational deployment, use and support of the Collective Rapid Deployment Forces of the Central Asian Region (2006)"),
        ["protocol-military-technical-cooperation-2003"] = new("Protocol amending the Agreement on the Basic Principles of Military-Technical Cooperation (2003)"),
        ["agreement-railways-technical-cover-2003"] = new("Agreement on a Unified System of Technical Cover for Railways of the CSTO Member States (2003)"),
        ["protocol-railways-technical-cover-2015"] = new("Protocol extending the Agreement on technical cover for railways (2015)"),
        ["protocol-military-infrastructure-2011"] = new("Protocol on the deployment of military infrastructure facilities in the territories of the CSTO member states (2011)",
            "Протокол о размещении объектов военной инфраструктуры на территориях государств-членов ОДКБ"),
        ["agreement-secret-command-system-2009"] = new("Agreement on the basic principles for establishing a secret command system for the CSTO collective security forces (2009)"),
        ["protocol-amendments-csto-charter-2022"] = new("Fourth Protocol on amendments to the CSTO Charter (2022)"),
        ["agreement-jurisdiction-legal-assistance-2021"] = new("Agreement on jurisdiction and legal assistance in cases of temporary stay of formations of the collective security system (2021)"),
        ["agreement-logistic-medical-support"] = new("Agreement on joint logistic and medical support for the CSTO Troops (Collective Forces)"),
        ["anti-drug-strategy-2026-2030"] = new("CSTO Anti-Drug Strategy for 2026–2030", "Антинаркотическая стратегия ОДКБ на 2026–2030 годы"),

        // Persons
        ["nikolai-bordyuzha"] = new("Nikolai Bordyuzha", "Николай Бордюжа"),
        ["valery-semerikov"] = new("Valery Semerikov", "Валерий Семериков"),
        ["yuri-khachaturov"] = new("Yuri Khachaturov", "Юрий Хачатуров"),
        ["stanislav-zas"] = new("Stanislav Zas", "Станислав Зась"),
        ["imangali-tasmagambetov"] = new("Imangali Tasmagambetov", "Имангали Тасмагамбетов"),
        ["taalatbek-masadykov"] = new("Taalatbek Masadykov", "Таалатбек Масадыков"),
        ["yuri-baluyevsky"] = new("Yuri Baluyevsky", "Юрий Балуевский"),
        ["saken-zhasuzakov"] = new("Saken Zhasuzakov", "Сакен Жасузаков"),
        ["alexander-studenikin"] = new("Alexander Studenikin", "Александр Студеникин"),
        ["anatoly-sidorov"] = new("Anatoly Sidorov", "Анатолий Сидоров"),
        ["andrei-serdyukov"] = new("Andrei Serdyukov", "Андрей Сердюков"),

        // Exercises and operations
        ["exercise-rubezh"] = new("Rubezh (Border) exercises", "Рубеж"),
        ["exercise-vzaimodeistvie"] = new("Interaction exercises", "Взаимодействие"),
        ["exercise-nerushimoe-bratstvo"] = new("Unbreakable Brotherhood exercises", "Нерушимое братство"),
        ["exercise-eshelon"] = new("Echelon exercises", "Эшелон"),
        ["exercise-poisk"] = new("Search exercises", "Поиск"),
        ["exercise-grom"] = new("Thunder exercises", "Гром"),
        ["exercise-kobalt"] = new("Cobalt exercises", "Кобальт"),
        ["exercise-barier"] = new("Barrier exercises", "Барьер"),
        ["exercise-skala"] = new("Cliff (Rock) exercises"),
        ["exercise-vozdushny-most"] = new("Air Bridge exercises of the Collective Air Forces", "Воздушный мост"),
        ["operation-kanal"] = new("Operation Kanal (Channel)", "Канал"),
        ["operation-nelegal"] = new("Operation Nelegal (Illegal)", "Нелегал"),
        ["operation-proxy"] = new("Operation Proxy", "PROXY"),
        ["operation-naemnik"] = new("Operation Mercenary (Naemnik)", "Наёмник"),
        ["operation-kazakhstan-2022"] = new("CSTO peacekeeping operation in Kazakhstan (2022)"),
    };

    public static IReadOnlyCollection<string> Known => Names.Keys;

    public static bool IsKnown(string slug) => Names.ContainsKey(slug);

    public static EntityName? Find(string slug) => Names.GetValueOrDefault(slug);

    /// <summary>The English display name of the entity: a state's name, a registered name, or the slug as words.</summary>
    public static string Of(string slug)
    {
        if (Queries.StateNames.Codes.Contains(slug)) return Queries.StateNames.Of(slug);
        return Names.TryGetValue(slug, out var name) ? name.English : slug.Replace('-', ' ');
    }
}
