//! Who is who: staff roles in a Family Safeguarding team, and family members.

use serde::{Deserialize, Serialize};

/// The roles staff hold in a Family Safeguarding team, plus the council's own
/// business support and administrators. Stored as the snake-case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    TeamManager,
    SocialWorker,
    ChildAndFamilyPractitioner,
    DomesticAbusePractitioner,
    /// A probation domestic abuse worker seconded to the team.
    DomesticAbuseWorkerProbation,
    MentalHealthPractitioner,
    /// A substance-misuse recovery worker.
    RecoveryWorker,
    BusinessSupportOfficer,
    Admin,
    /// Leads the council's Family Safeguarding service: sees how many families use the
    /// portal, across every team, and never what any family wrote.
    HeadOfService,
}

impl StaffRole {
    pub const ALL: [StaffRole; 10] = [
        StaffRole::TeamManager,
        StaffRole::SocialWorker,
        StaffRole::ChildAndFamilyPractitioner,
        StaffRole::DomesticAbusePractitioner,
        StaffRole::DomesticAbuseWorkerProbation,
        StaffRole::MentalHealthPractitioner,
        StaffRole::RecoveryWorker,
        StaffRole::BusinessSupportOfficer,
        StaffRole::Admin,
        StaffRole::HeadOfService,
    ];

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            StaffRole::TeamManager => "team_manager",
            StaffRole::SocialWorker => "social_worker",
            StaffRole::ChildAndFamilyPractitioner => "child_and_family_practitioner",
            StaffRole::DomesticAbusePractitioner => "domestic_abuse_practitioner",
            StaffRole::DomesticAbuseWorkerProbation => "domestic_abuse_worker_probation",
            StaffRole::MentalHealthPractitioner => "mental_health_practitioner",
            StaffRole::RecoveryWorker => "recovery_worker",
            StaffRole::BusinessSupportOfficer => "business_support_officer",
            StaffRole::Admin => "admin",
            StaffRole::HeadOfService => "head_of_service",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.code() == code)
    }

    /// How the role is named to families and colleagues.
    pub fn title(self) -> &'static str {
        match self {
            StaffRole::TeamManager => "Team manager",
            StaffRole::SocialWorker => "Social worker",
            StaffRole::ChildAndFamilyPractitioner => "Child and family practitioner",
            StaffRole::DomesticAbusePractitioner => "Domestic abuse practitioner",
            StaffRole::DomesticAbuseWorkerProbation => "Domestic abuse worker (probation)",
            StaffRole::MentalHealthPractitioner => "Mental health practitioner",
            StaffRole::RecoveryWorker => "Recovery worker",
            StaffRole::BusinessSupportOfficer => "Business support officer",
            StaffRole::Admin => "Administrator",
            StaffRole::HeadOfService => "Head of service",
        }
    }

    /// Whether the role works directly with families. Business support, admins and heads
    /// of service do not see what families write.
    pub fn works_with_families(self) -> bool {
        !matches!(
            self,
            StaffRole::BusinessSupportOfficer | StaffRole::Admin | StaffRole::HeadOfService
        )
    }
}

/// A family member's place in the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberKind {
    ParentCarer,
    /// A child or young person; they always have a date of birth.
    Child,
}

impl MemberKind {
    pub fn code(self) -> &'static str {
        match self {
            MemberKind::ParentCarer => "parent_carer",
            MemberKind::Child => "child",
        }
    }

    /// How the kind is named in the audit trail and on "who has seen this".
    pub fn title(self) -> &'static str {
        match self {
            MemberKind::ParentCarer => "Parent or carer",
            MemberKind::Child => "Child or young person",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "parent_carer" => Some(MemberKind::ParentCarer),
            "child" => Some(MemberKind::Child),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_code_reads_back_as_the_same_role() {
        for role in StaffRole::ALL {
            assert_eq!(StaffRole::from_code(role.code()), Some(role));
        }
        assert_eq!(StaffRole::from_code("superuser"), None);
    }

    #[test]
    fn business_support_admins_and_heads_of_service_do_not_work_with_families() {
        let with_families: Vec<_> = StaffRole::ALL
            .into_iter()
            .filter(|r| !r.works_with_families())
            .collect();
        assert_eq!(
            with_families,
            [
                StaffRole::BusinessSupportOfficer,
                StaffRole::Admin,
                StaffRole::HeadOfService
            ]
        );
    }

    #[test]
    fn member_kinds_read_back() {
        for kind in [MemberKind::ParentCarer, MemberKind::Child] {
            assert_eq!(MemberKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(MemberKind::from_code("lodger"), None);
    }
}
