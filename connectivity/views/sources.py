"""Where the default figures come from: the Methodology page's table of sources."""

# (source, date, tag, what it supports). Tags: [S] solid, [V] vendor or informal,
# [G] our estimate, no public source.
SOURCES = [
    ("South China Morning Post, \"Beijing defends crackdown on VPNs, saying there are "
     "alternatives for businesses\" (the article this calculator starts from)", "25 Jul 2017",
     "[S]", "The ministry's position that licensed VPNs are unaffected; leased circuits "
     "quoted (via Associated Press) at more than USD 1,000 a month; the closure of Chuang "
     "Lian; WhatsApp disruption the week before; who relies on VPNs for work, and staff "
     "saying they might leave China if access became too expensive."),
    ("MIIT Telecommunications Department notice [2017] No. 32, \"Notice on Cleaning Up and "
     "Regulating the Internet Access Service Market\"", "17 Jan 2017 (published 22 Jan; "
     "campaign to 31 Mar 2018)", "[S]", "Setting up or renting cross-border private lines, "
     "VPNs included, needs approval."),
    ("International private-line licences held only by China Telecom, China Unicom and "
     "China Mobile", "2017", "[S], lightly sourced", "Who can sell a legal route."),
    ("Associated Press report of a China Telecom letter to corporate customers", "Jul 2017",
     "[S]", "Corporate VPN lines may connect only to the firm's own head office abroad "
     "(hence `reach = hq_only`)."),
    ("Shutdowns: GreenVPN; Chuang Lian (by MIIT); Apple removing major VPN apps from its "
     "China App Store", "1 Jul, 7 Jul and 29 Jul 2017", "[S]",
     "Unauthorised services can stop at short notice."),
    ("Provisional Regulations on the international networking of computer information "
     "networks", "1996, amended 1997", "[S]",
     "Fines up to RMB 15,000 plus confiscation of illegal income."),
    ("Enforcement cases: individual fined RMB 1,000 (Shaoguan); company fined for proxy "
     "software (amount not published); man working for a foreign firm, RMB 1.058 million "
     "income confiscated plus RMB 200 fine (Chengde); VPN sellers jailed 5.5 years plus "
     "RMB 500,000", "notice 28 Dec 2018; May 2019; 18 Aug 2023; Dec 2017", "[S]",
     "The size and frequency of incidents for unauthorised use."),
    ("Relaxation signals: MIIT-approved international data channels for industrial parks "
     "(Lianyungang, Xiamen); Lingang (Shanghai) easier-access pilot (SCMP); Shanghai policy "
     "on firms' access; Hainan service for staff of registered firms",
     "2020; 2022; 9 Apr 2024; Jan 2025; 2025", "[S]",
     "Why a `pilot` legal status exists; rules may loosen during the horizon."),
    ("Reported disruptions: foreign VPN outages; Two Sessions blocking; outages (about "
     "2 hours on the first); crackdown", "Jan 2015; Mar 2016; 20 Jul and 30 Oct 2018; "
     "Feb 2020", "[S]/[V]", "Disruption rates, and their clustering around the March Two "
     "Sessions, 4 June and party congresses in October."),
    ("Wu et al., USENIX Security Symposium", "2023", "[S]",
     "Fully encrypted proxy protocols detected and blocked since Nov 2021."),
    ("Community reports of large-scale blocking of TLS-based circumvention tools",
     "from about 3 Oct 2022", "[V] (informal)", "Disruption rates of unauthorised tools."),
    ("Zhu et al., ACM SIGMETRICS", "2020", "[S]", "Public internet across the border: 79% "
     "of foreign-to-China connections under 1 Mbps, packet loss about 15% on average and up "
     "to 40% in the slow hours, slow from about 06:00 to 03:30."),
    ("Connet and other private-line sellers", "undated", "[V]", "MPLS round trip about "
     "50 ms China to Hong Kong and 300 ms China to US; 99.8% delivery objective; IPLC "
     "Shenzhen to Hong Kong 1.5 to 2.5 ms; typical SLA 99.9%."),
    ("TeleGeography, MPLS port prices", "Q4 2016", "[S]", "A 10 Mbps MPLS port at a median "
     "USD 392 a month in New York and USD 1,448 in Mumbai (for scale only)."),
    ("Network World", "2016", "[V]", "MPLS at USD 100 to 300 per Mbps per month in North "
     "America and Europe (for scale only)."),
    ("China Telecom Hainan business-line tariff", "undated", "[S], one province",
     "10 Mbps static line CNY 1,760 to 2,110 a month, BGP CNY 3,200 to 6,500: the domestic "
     "underlay of an SD-WAN."),
    ("Alibaba Cloud CEN and Tencent Cloud (via China Unicom) terms", "undated",
     "[S] terms only", "Billed per Mbps per month, 2 Mbps minimum, enterprise verification; "
     "prices only in their consoles."),
    ("Global Times", "2014", "[S]", "A consumer VPN at about CNY 98 (roughly USD 15) per "
     "user per month."),
    ("Vendor lead times", "undated", "[V]",
     "MPLS delivery 30 to 90 days; approvals 30 to 60 working days."),
    ("AmCham China member surveys", "2013 and 2016", "[S]", "55% (2013) and about 80% "
     "(2016) of members report harm from internet restrictions."),
    ("European Chamber business confidence survey", "2017", "[S]", "More than one firm in "
     "five says restrictions affect over 10% of its China revenue."),
    ("Boushey and Glynn, \"There Are Significant Business Costs to Replacing Employees\", "
     "Center for American Progress", "16 Nov 2012", "[S]", "Replacing an employee costs a "
     "median of about 21% of a year's pay across 30 case studies (about 2.5 months), more "
     "for specialists; executives and physicians left out."),
    ("European Chamber flash survey", "Feb 2015", "[S]", "The internet controls were "
     "discouraging foreign talent from relocating to China."),
    ("Our estimates", "no public source", "[G]", "Licensed VPN or SD-WAN at about USD 800 to "
     "2,500 per site per month for some 10 Mbps to Hong Kong, plus USD 1,000 to 5,000 "
     "setup; delivery in 4 to 12 weeks; 2 to 8 hours lost per user per month without a "
     "route; all risk ranges, every route's share of staff who leave because of the "
     "internet included (no survey measures it); replacement_months of 4; RMB converted "
     "at roughly 7 per US dollar."),
]
