//! A fictional council with one team and one social worker in it: where the benchmarks'
//! families are made.

use app::backend::store::{self, Conn};
use app::backend::{NewStaff, Store};
use app::domain::ids::{CouncilId, StaffId, TeamId};
use app::domain::people::StaffRole;

pub struct Team {
    pub council: CouncilId,
    pub team: TeamId,
    pub worker: StaffId,
}

/// The council, its team and its social worker, named as given.
pub async fn team(store: &Store, conn: &mut Conn, council: &str, worker: &str) -> Team {
    let now = store.now();
    let council = store::people::create_council(conn, council, now)
        .await
        .expect("a council");
    let team = store::people::create_team(conn, council, "Bench team", now)
        .await
        .expect("a team");
    let worker = store::people::create_staff(
        conn,
        council,
        NewStaff {
            team: Some(team),
            display_name: worker,
            role: StaffRole::SocialWorker,
        },
        now,
    )
    .await
    .expect("a worker");
    Team {
        council,
        team,
        worker,
    }
}
